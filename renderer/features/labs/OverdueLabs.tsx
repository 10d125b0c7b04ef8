import { Anchor, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle, IconTruckDelivery } from '@tabler/icons-react';
import { Link } from 'wouter';
import { useApiQuery } from '../../lib/apiQuery';
import { countOf } from '../../lib/numbers';

/** The home screen's word on lab work: how many cases are late, and the way to the board. */
export function OverdueLabs() {
  // One card a column is enough: the counts are what this needs.
  const board = useApiQuery('labCases.board', { limit: 1 });
  if (!board.data) return null;
  const { overdue, dueToday } = board.data.columns;
  const late = overdue.count > 0;
  return (
    <Paper withBorder radius="md" p="sm" mb="md" data-testid="overdue-labs" bg={late ? 'red.0' : undefined}>
      <Group gap="sm" wrap="nowrap">
        {late ? <IconAlertTriangle size={18} color="var(--mantine-color-red-8)" aria-hidden /> : <IconTruckDelivery size={18} aria-hidden />}
        <Text size="sm" style={{ flex: 1 }}>
          {late ? (
            <Text span fw={700} c="red.9">
              {countOf(overdue.count, 'lab case is', 'lab cases are')} overdue.
            </Text>
          ) : (
            'No lab work overdue.'
          )}
          {dueToday.count > 0 ? ` ${countOf(dueToday.count, 'case is', 'cases are')} due back today.` : ''}
        </Text>
        <Anchor component={Link} href="/labs" size="sm" fw={600}>
          Lab board
        </Anchor>
      </Group>
    </Paper>
  );
}
