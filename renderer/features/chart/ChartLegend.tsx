import { Group, Text } from '@mantine/core';
import { CHART_CATEGORY_LABELS, CHART_LEGEND } from '../../../shared/domain/chart';
import { CHART_COLORS, CHART_ICONS, cssColor } from '../../ui/status';

/** The chart's colours in words, each with its icon, so colour is never the only cue. */
export function ChartLegend({ showCancelled }: { showCancelled: boolean }) {
  return (
    <Group gap="md" component="ul" aria-label="Chart colours" className="chart-legend" wrap="wrap" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {CHART_LEGEND.filter((c) => showCancelled || c !== 'CANCELLED').map((category) => {
        const Icon = CHART_ICONS[category];
        return (
          <Group key={category} component="li" gap={4} wrap="nowrap" data-category={category}>
            <span aria-hidden style={{ width: 12, height: 12, borderRadius: 3, background: cssColor(CHART_COLORS[category], 6), display: 'inline-block' }} />
            <Icon size={14} aria-hidden color={cssColor(CHART_COLORS[category], 8)} />
            <Text size="xs" td={category === 'CANCELLED' ? 'line-through' : undefined}>
              {CHART_CATEGORY_LABELS[category]}
            </Text>
          </Group>
        );
      })}
      <Text size="xs" c="dimmed" component="li">
        Faded: open work of another visit
      </Text>
    </Group>
  );
}
