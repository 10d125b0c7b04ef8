import { Alert, Anchor, Drawer, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconLock } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { AREA_NAMES, SURFACE_NAMES, surfacesToText } from '../../../shared/domain/teeth';
import type { Procedure, VisitDetails } from '../../../shared/types';
import { useApiQuery } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { LabCaseSection } from '../labs/LabCaseSection';
import { entryParts, procedureTimeline } from './procedureHistory';

interface Props {
  /** The procedure as the visit shows it now; null when the drawer is closed. */
  procedure: Procedure | null;
  visit: VisitDetails;
  onClose: () => void;
  /** Opens another procedure of this visit (a correction, or the work it corrects). */
  onOpen: (p: Procedure) => void;
}

/** Everything about one procedure: its facts, notes, and who did what to it, in words. */
export function ProcedureDetailDrawer({ procedure, visit, onClose, onOpen }: Props) {
  return (
    <Drawer
      opened={procedure !== null}
      onClose={onClose}
      position="right"
      size={480}
      title={procedure ? `${procedure.code} ${procedure.name}` : ''}
      closeButtonProps={{ 'aria-label': 'Close details' }}
      styles={{ title: { fontWeight: 600 } }}
    >
      {procedure ? <ProcedureDetail procedure={procedure} visit={visit} onOpen={onOpen} /> : null}
    </Drawer>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} aria-label={title}>
      <Title order={4} fz={15} mb={6}>
        {title}
      </Title>
      {children}
    </section>
  );
}

const noneYet = (
  <Text size="sm" c="dimmed">
    None yet
  </Text>
);

function site(p: Procedure): string {
  if (p.toothNumber) {
    return p.surfaces.length ? `Tooth ${p.toothNumber}, ${surfacesToText(p.surfaces)} (${p.surfaces.map((s) => SURFACE_NAMES[s]).join(', ')})` : `Tooth ${p.toothNumber}`;
  }
  return p.area ? `${p.area} (${AREA_NAMES[p.area]})` : 'Whole mouth or not tied to a tooth';
}

function ProcedureDetail({ procedure: p, visit, onOpen }: { procedure: Procedure; visit: VisitDetails; onOpen: (p: Procedure) => void }) {
  const format = useFormat();
  const money = (minor: number) => format.money(minor, visit.currency);
  const history = useApiQuery('procedures.history', { id: p.id });
  // The visit's own events: when the visit was cancelled, so was this procedure.
  const visitHistory = useApiQuery('visits.history', p.status === 'CANCELLED' ? { id: visit.id } : null);
  // A change to the procedure (here or elsewhere) moves its version: its history has a new entry.
  const refetchHistory = history.refetch;
  useEffect(() => {
    void refetchHistory();
  }, [p.version, refetchHistory]);

  const corrected = p.correctsProcedureId ? visit.procedures.find((o) => o.id === p.correctsProcedureId) : undefined;
  const corrections = visit.procedures.filter((o) => o.correctsProcedureId === p.id);
  const entries = history.data ? procedureTimeline(history.data, visitHistory.data, p.id) : [];

  return (
    <Stack gap="lg" data-testid="procedure-detail">
      <Group gap="sm">
        <StatusBadge status={p.status} size="lg" data-testid="detail-status" />
        {p.lockedByClaim ? (
          <Group gap={4} c="dimmed">
            <IconLock size={14} />
            <Text size="sm">On claim {p.lockedByClaim}: can only be corrected</Text>
          </Group>
        ) : null}
      </Group>

      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        <Fact label="Code">
          <Text span ff="monospace" fw={600}>
            {p.code}
          </Text>
        </Fact>
        <Fact label="Description">{p.name}</Fact>
        <Fact label="Site">{site(p)}</Fact>
        <Fact label="Quantity">{p.quantity}</Fact>
        <Fact label="Fee" testId="detail-fee">
          {money(p.unitFee)}
        </Fact>
        <Fact label="Line total" testId="detail-line-total">
          {money(p.unitFee * p.quantity)}
          {p.status === 'CANCELLED' ? ' (cancelled: not charged)' : ''}
        </Fact>
        <Fact label="Performed by">{p.performedByName ?? 'Not recorded'}</Fact>
        <Fact label="Duration">{p.durationMinutes === null ? 'Not recorded' : `${p.durationMinutes} min`}</Fact>
        <Fact label="Started">{p.startedAt ? format.instant(p.startedAt) : 'Not yet'}</Fact>
        <Fact label="Completed">{p.completedAt ? format.instant(p.completedAt) : 'Not yet'}</Fact>
      </SimpleGrid>

      {p.correctsProcedureId ? (
        <Alert color="gray" variant="light" py={8} icon={<IconArrowBackUp size={16} />}>
          <Text size="sm">
            Corrects{' '}
            {corrected ? (
              <Anchor component="button" type="button" size="sm" onClick={() => onOpen(corrected)}>
                {corrected.code} {corrected.name}
              </Anchor>
            ) : (
              'a procedure on another visit'
            )}
            .
          </Text>
        </Alert>
      ) : null}

      <Section title="Lab case" testId="detail-lab">
        <LabCaseSection procedure={p} visit={visit} />
      </Section>

      <Section title="Notes" testId="detail-notes">
        {p.notes ? (
          <Paper withBorder p="sm" radius="sm" bg="gray.0">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {p.notes}
            </Text>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            No notes.
          </Text>
        )}
      </Section>

      <Section title="History" testId="detail-history">
        {history.error ? (
          <Text size="sm" c="red.8">
            Could not load the history: {history.error.message}
          </Text>
        ) : !history.data ? (
          <Loader size="sm" />
        ) : entries.length === 0 ? (
          noneYet
        ) : (
          <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {entries.map((e) => {
              const { when, who, where, what } = entryParts(e, { format, currency: visit.currency });
              return (
                <Text component="li" key={`${e.action}-${e.seq}`} size="sm" data-testid="history-entry" style={{ overflowWrap: 'anywhere' }}>
                  <Text span size="sm" c="dimmed">
                    {when}
                  </Text>
                  {' — '}
                  <Text span size="sm" fw={600}>
                    {who}
                  </Text>
                  {` at ${where}: ${what}`}
                </Text>
              );
            })}
          </Stack>
        )}
      </Section>

      <Section title="Claim" testId="detail-claim">
        {p.lockedByClaim ? <Text size="sm">On claim {p.lockedByClaim}</Text> : noneYet}
      </Section>

      <Section title="Corrections" testId="detail-corrections">
        {corrections.length ? (
          <Stack gap={4}>
            {corrections.map((c) => (
              <Anchor key={c.id} component="button" type="button" size="sm" ta="left" onClick={() => onOpen(c)}>
                {c.code} {c.name} · {money(c.unitFee * c.quantity)}
              </Anchor>
            ))}
          </Stack>
        ) : (
          noneYet
        )}
      </Section>
    </Stack>
  );
}
