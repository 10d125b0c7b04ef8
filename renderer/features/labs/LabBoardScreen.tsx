import { Anchor, Badge, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { Link } from 'wouter';
import { create } from 'zustand';
import { BOARD_COLUMN_LABELS, BOARD_COLUMNS } from '../../../shared/domain/lab-cases';
import { AREA_NAMES } from '../../../shared/domain/teeth';
import type { LabBoardCard, LabBoardColumn } from '../../../shared/types';
import { useApiQuery } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { countOf } from '../../lib/numbers';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { cssColor } from '../../ui/status';

/** Cards shown per column; every case is counted, the rest are reached by filtering. */
const CARDS_PER_COLUMN = 100;

/** The board's filters outlive a visit to a patient and back. */
const useBoardFilters = create<{ labId: string | null; providerId: string | null; set: (f: { labId?: string | null; providerId?: string | null }) => void }>()(
  (set) => ({ labId: null, providerId: null, set: (f) => set(f) }),
);

/** Each column's accent, in the status colours: at the lab grape, due today orange, late red, back teal, ready blue. */
const ACCENT: Record<LabBoardColumn, string> = {
  notSent: 'gray',
  atLab: 'grape',
  dueToday: 'orange',
  overdue: 'red',
  awaitingCheck: 'teal',
  readyToSeat: 'blue',
};

export function LabBoardScreen() {
  const { labId, providerId, set } = useBoardFilters();
  const board = useApiQuery('labCases.board', { labId, providerId, limit: CARDS_PER_COLUMN }, { keepPrevious: true });
  const labs = useApiQuery('labs.list', { includeHidden: true });
  const providers = useApiQuery('users.providers', {});
  const format = useFormat();
  const total = board.data ? BOARD_COLUMNS.reduce((n, k) => n + board.data.columns[k].count, 0) : 0;

  return (
    <>
      <PageHeader
        title="Lab board"
        subtitle={board.data ? `${countOf(total, 'case', 'cases')} in flight on ${format.longDate(board.data.today)}` : 'Lab work in flight'}
        actions={
          <>
            <Select
              label="Lab"
              placeholder="All labs"
              clearable
              w={220}
              data={(labs.data ?? []).map((l) => ({ value: l.id, label: l.hidden ? `${l.name} (hidden)` : l.name }))}
              value={labId}
              onChange={(v) => set({ labId: v })}
              data-testid="board-lab"
            />
            <Select
              label="Provider"
              placeholder="All providers"
              clearable
              w={220}
              data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
              value={providerId}
              onChange={(v) => set({ providerId: v })}
              data-testid="board-provider"
            />
          </>
        }
      />
      {board.error ? <ErrorAlert error={board.error} /> : null}
      {!board.data ? (
        <Loader />
      ) : total === 0 ? (
        <Empty
          icon={<IconTruckDelivery size={22} />}
          title={labId || providerId ? 'No lab work in flight for this filter' : 'No lab work in flight'}
          hint="Open a lab case from a crown, bridge or night guard on a visit: it shows here until the work is seated."
        />
      ) : (
        <div className="lab-board" data-testid="lab-board">
          {BOARD_COLUMNS.map((column) => (
            <BoardColumn key={column} column={column} count={board.data.columns[column].count} cards={board.data.columns[column].cards} />
          ))}
        </div>
      )}
    </>
  );
}

function BoardColumn({ column, count, cards }: { column: LabBoardColumn; count: number; cards: LabBoardCard[] }) {
  const id = `lab-column-${column}`;
  return (
    <section className="lab-column" aria-labelledby={id} data-testid={`column-${column}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} fz={14} id={id}>
          {BOARD_COLUMN_LABELS[column]}
        </Title>
        <Badge color={ACCENT[column]} variant={count ? 'filled' : 'light'} data-testid="column-count">
          {count}
        </Badge>
      </Group>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {cards.map((card) => (
          <Card key={card.id} card={card} column={column} />
        ))}
      </Stack>
      {count > cards.length ? (
        <Text size="xs" c="dimmed" mt="xs">
          and {countOf(count - cards.length, 'more', 'more')}: filter by lab or provider to see them.
        </Text>
      ) : null}
    </section>
  );
}

/** "Tooth 19", "19 MOD" → "Tooth 19 MOD", "Upper arch": where the work goes, short enough for a card. */
function siteOf(p: LabBoardCard['procedure']): string {
  if (p.toothNumber) return `Tooth ${p.toothNumber}${p.surfaces.length ? ` ${p.surfaces.join('')}` : ''}`;
  return p.area ? AREA_NAMES[p.area] : 'No site';
}

function Card({ card, column }: { card: LabBoardCard; column: LabBoardColumn }) {
  const format = useFormat();
  const day = (iso: string | null) => (iso ? format.date(iso) : '—');
  const when =
    column === 'notSent'
      ? `Visit ${day(card.visitDate)}`
      : column === 'awaitingCheck'
        ? `Back ${day(card.receivedDate)}`
        : column === 'readyToSeat'
          ? `Checked ${day(card.checkedDate)}`
          : `Sent ${day(card.sentDate)} · due ${day(card.dueDate)}`;
  return (
    <li className="lab-card" style={{ ['--lab-card-accent' as string]: cssColor(ACCENT[column]) }} data-testid="lab-card">
      <Anchor component={Link} href={`/patients/${card.patientId}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {format.name({ firstName: card.patientFirstName, lastName: card.patientLastName })}
      </Anchor>
      <div>
        <Anchor component={Link} href={`/visits/${card.visitId}/procedures/${card.procedure.id}`} size="sm">
          {siteOf(card.procedure)} · {card.procedure.code}
        </Anchor>
        <Text size="xs" style={{ overflowWrap: 'break-word' }}>
          {card.procedure.name}
        </Text>
      </div>
      <Text size="xs" c="dimmed">
        {card.labName} · {card.providerName}
      </Text>
      <Text size="xs">{when}</Text>
      {card.trackingNo ? (
        <Text size="xs" c="dimmed">
          Tracking {card.trackingNo}
        </Text>
      ) : null}
      {card.daysOverdue > 0 ? (
        <Text size="xs" fw={700} c="red.9" data-testid="days-overdue">
          {countOf(card.daysOverdue, 'day', 'days')} overdue
        </Text>
      ) : null}
    </li>
  );
}
