import { Alert, Button, Checkbox, Group, Loader, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { QuickPlan } from '../../../shared/domain/quick-entry';
import { parseTooth, type Area, type Surface } from '../../../shared/domain/teeth';
import type { ChartData } from '../../../shared/types';
import { useApiQuery } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ChartLegend } from './ChartLegend';
import { EntryBar } from './EntryBar';
import { positionOf, primaryAt, UPPER_POSITIONS, LOWER_POSITIONS } from './layout';
import { QuickEntry } from './QuickEntry';
import { ToothChart, type ChartSelection } from './ToothChart';
import { ToothDetails } from './ToothDetails';
import { coreToday, useCharting } from './useCharting';

interface Props {
  patientId: string;
  /** The visit charted on; null on the patient's own chart (findings only). */
  visitId: string | null;
  /** Why nothing can be charted here (archived, cancelled visit, role), or null when it can. */
  readOnlyReason: string | null;
  /** Whether this user may add procedures (findings follow the same clinical roles). */
  canAddProcedures: boolean;
  performedById: string | null;
}

const NOTHING: ChartSelection = { teeth: [], surfaces: [], area: null };
const ALL_PRIMARY = new Set([...UPPER_POSITIONS, ...LOWER_POSITIONS].filter((p) => primaryAt(p)));

/** Positions to draw as primary teeth: where the chart has primary work and no permanent work. */
function primaryFromChart(chart: ChartData | undefined): Set<number> {
  const out = new Set<number>();
  if (!chart) return out;
  for (const tooth of Object.keys(chart.teeth)) {
    const info = parseTooth(tooth);
    const position = positionOf(tooth);
    if (info?.dentition === 'primary' && position && !chart.teeth[String(position)]) out.add(position);
  }
  return out;
}

/**
 * The patient's whole mouth on the visit page: the odontogram, its legend,
 * the date control, click-to-chart and quick entry, and what is charted on
 * the selected tooth.
 */
export function ChartPanel({ patientId, visitId, readOnlyReason, canAddProcedures, performedById }: Props) {
  const format = useFormat();
  const [asOf, setAsOf] = useState('');
  const [showCancelled, setShowCancelled] = useState(false);
  const [selection, setSelection] = useState<ChartSelection>(NOTHING);
  const [several, setSeveral] = useState(false);
  const [dentition, setDentition] = useState<'auto' | 'permanent' | 'primary'>('auto');
  const [toothPrimary, setToothPrimary] = useState<Map<number, boolean>>(new Map());
  const today = coreToday();
  const asOfError = asOf && asOf > today ? 'Pick today or an earlier day.' : null;
  const chartQuery = useApiQuery('chart.get', { patientId, ...(asOf && !asOfError && asOf !== today ? { asOf } : {}) }, { keepPrevious: true });
  const schedule = useApiQuery('feeSchedule.list', {});
  const charting = useCharting(patientId, visitId, performedById);
  const chart = chartQuery.data;

  const primary = useMemo(() => {
    const base = dentition === 'primary' ? new Set(ALL_PRIMARY) : dentition === 'permanent' ? new Set<number>() : primaryFromChart(chart);
    for (const [position, on] of toothPrimary) {
      if (on) base.add(position);
      else base.delete(position);
    }
    return base;
  }, [chart, dentition, toothPrimary]);

  const past = Boolean(asOf) && asOf !== today && !asOfError;
  const writable = !readOnlyReason && !past;
  const paint = useMemo(() => ({ visitId, showCancelled }), [visitId, showCancelled]);

  const onTooth = (tooth: string, how: { add: boolean; surface: Surface | null }) => {
    setSelection((s) => {
      const already = s.teeth.includes(tooth);
      if (how.surface && already && s.teeth.length === 1) {
        const surfaces = s.surfaces.includes(how.surface) ? s.surfaces.filter((x) => x !== how.surface) : [...s.surfaces, how.surface];
        return { ...s, surfaces };
      }
      if (how.add || several) {
        const teeth = already ? s.teeth.filter((t) => t !== tooth) : [...s.teeth, tooth];
        return { teeth, surfaces: s.surfaces, area: null };
      }
      // A click on a surface of the selected tooth toggles that surface; otherwise a click picks the tooth.
      if (already && s.teeth.length === 1 && !how.surface) return NOTHING;
      return { teeth: [tooth], surfaces: [], area: null };
    });
  };
  const onArea = (area: Area) => setSelection((s) => (s.area === area ? NOTHING : { teeth: [], surfaces: [], area }));
  const onSurface = (surface: Surface) =>
    setSelection((s) => ({ ...s, surfaces: s.surfaces.includes(surface) ? s.surfaces.filter((x) => x !== surface) : [...s.surfaces, surface] }));

  const onQuick = async (plan: QuickPlan) => (plan.kind === 'procedure' ? charting.procedures(plan.plan.items) : charting.finding(plan.plan));
  const single = selection.teeth.length === 1 ? selection.teeth[0]! : null;
  const singlePosition = single ? positionOf(single) : null;
  const swapLetter = singlePosition ? primaryAt(singlePosition) : null;

  return (
    <Paper withBorder radius="md" p="md" mb="lg" data-testid="chart-panel">
      <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap" gap="sm">
        <Title order={3} fz={17}>
          Chart
        </Title>
        <Group gap="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label="Teeth shown"
            value={dentition}
            onChange={(v) => {
              setDentition(v);
              setToothPrimary(new Map());
            }}
            data={[
              { value: 'auto', label: 'As charted' },
              { value: 'permanent', label: 'Permanent' },
              { value: 'primary', label: 'Primary' },
            ]}
          />
          <Checkbox size="xs" label="Show cancelled" checked={showCancelled} onChange={(e) => setShowCancelled(e.currentTarget.checked)} />
          <Group gap={4} align="flex-end">
            <TextInput
              size="xs"
              type="date"
              label="Chart as of"
              value={asOf || today}
              max={today}
              onChange={(e) => setAsOf(e.currentTarget.value)}
              error={asOfError}
              w={150}
            />
            {past ? (
              <Button size="xs" variant="default" onClick={() => setAsOf('')}>
                Today
              </Button>
            ) : null}
          </Group>
        </Group>
      </Group>
      <ChartLegend showCancelled={showCancelled} />
      {past ? (
        <Alert color="gray" variant="light" icon={<IconHistory size={18} />} mt="sm" py={6} data-testid="chart-as-of">
          <Text size="sm">
            The chart as it was at the end of {format.longDate(asOf)}: later work and findings are not shown. Go back to today to chart.
          </Text>
        </Alert>
      ) : null}
      <div style={{ marginTop: 12 }}>
        {chartQuery.error && !chart ? <ErrorAlert error={chartQuery.error} title="Could not load the chart" /> : null}
        {chart ? (
          <ToothChart chart={chart} paint={paint} selection={selection} primary={primary} onTooth={onTooth} onArea={onArea} />
        ) : chartQuery.error ? null : (
          <Loader size="sm" />
        )}
      </div>
      <Stack gap="sm" mt="sm">
        {single && swapLetter ? (
          <Group gap="xs">
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                const showPrimary = !primary.has(singlePosition!);
                setToothPrimary((m) => new Map(m).set(singlePosition!, showPrimary));
                setSelection({ teeth: [showPrimary ? swapLetter : String(singlePosition)], surfaces: [], area: null });
              }}
            >
              {primary.has(singlePosition!) ? `Show permanent tooth ${singlePosition}` : `Show primary tooth ${swapLetter}`}
            </Button>
          </Group>
        ) : null}
        {readOnlyReason && !past ? (
          <Text size="sm" c="dimmed" data-testid="chart-read-only">
            {readOnlyReason}
          </Text>
        ) : null}
        {writable && schedule.data ? (
          <>
            <QuickEntry schedule={schedule.data} canAddProcedures={canAddProcedures && visitId !== null} disabled={charting.busy} onPlan={onQuick} />
            <EntryBar
              selection={selection}
              schedule={schedule.data}
              several={several}
              onSeveral={setSeveral}
              onSurface={onSurface}
              onArch={(a) => onArea(a)}
              canAddProcedures={canAddProcedures && visitId !== null}
              busy={charting.busy}
              onProcedures={async (drafts) => {
                const ok = await charting.procedures(drafts);
                if (ok) setSelection((s) => ({ ...s, surfaces: [] }));
                return ok;
              }}
              onFinding={charting.finding}
            />
          </>
        ) : null}
        {single && chart ? <ToothDetails tooth={single} charted={chart.teeth[single]} visitId={visitId} canWrite={writable} /> : null}
      </Stack>
    </Paper>
  );
}
