import { Alert, Anchor, Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { mayCall } from '../../../shared/contract';
import { canStep, daysBetween } from '../../../shared/domain/lab-cases';
import type { LabCase, Procedure, VisitDetails } from '../../../shared/types';
import { useApiQuery } from '../../lib/apiQuery';
import { todayIso } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { useSession } from '../session/session.store';
import { LabCaseFormModal } from './LabCaseFormModal';
import { type LabStepKind, LabStepModal } from './LabStepModal';
import { StageBadge } from './labUi';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/**
 * The procedure's lab case in its drawer: what went to which lab and when,
 * and the next step the case allows (send, receive, check, cancel). Only
 * steps the core would take are offered, and only to roles that may take them.
 */
export function LabCaseSection({ procedure, visit }: { procedure: Procedure; visit: VisitDetails }) {
  const role = useSession((s) => s.user?.role);
  const query = useApiQuery('labCases.get', { procedureId: procedure.id });
  const [editing, setEditing] = useState<'open' | 'edit' | null>(null);
  const [step, setStep] = useState<LabStepKind | null>(null);
  if (query.error) return <Text size="sm" c="red.8">Could not load the lab case: {query.error.message}</Text>;
  if (!query.data) return <Loader size="sm" />;
  const labCase = query.data.labCase;
  // An archived chart is read-only and claimed work is corrected, never changed: its case with it.
  const writable = !visit.patientArchivedAt && !procedure.lockedByClaim;
  const canOpen = writable && mayCall('labCases.open', role) && (procedure.status === 'PLANNED' || procedure.status === 'IN_PROGRESS');
  const openButton = (label: string) =>
    canOpen ? (
      <Button size="xs" variant="light" onClick={() => setEditing('open')} data-testid="open-lab-case">
        {label}
      </Button>
    ) : null;

  return (
    <Stack gap="sm" data-testid="lab-case">
      {!labCase ? (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            No lab case.
          </Text>
          {openButton('Open lab case')}
        </Group>
      ) : (
        <LabCaseFacts labCase={labCase} currency={visit.currency} />
      )}
      {labCase?.stage === 'CANCELLED' ? openButton('Open a new lab case') : null}
      {labCase && labCase.stage !== 'CANCELLED' ? (
        <Group gap="xs">
          {writable ? <StepButtons labCase={labCase} role={role} onStep={setStep} onEdit={() => setEditing('edit')} /> : null}
          <Button component={Link} href={`/lab-cases/${labCase.id}/slip`} size="xs" variant="subtle" leftSection={<IconPrinter size={14} aria-hidden />}>
            Lab slip
          </Button>
        </Group>
      ) : null}
      {labCase && (labCase.stage === 'RECEIVED' || labCase.stage === 'CHECKED') && procedure.status === 'RECEIVED' ? (
        <Text size="sm" c="dimmed" data-testid="lab-next-hint">
          {labCase.stage === 'RECEIVED' ? 'Back from the lab: check it before seating.' : 'Checked: complete the procedure once it is seated.'}
        </Text>
      ) : null}
      <LabCaseFormModal
        opened={editing !== null}
        procedure={procedure}
        labCase={editing === 'edit' ? labCase : null}
        currency={visit.currency}
        onClose={() => setEditing(null)}
      />
      {labCase ? <LabStepModal step={step} labCase={labCase} onClose={() => setStep(null)} /> : null}
    </Stack>
  );
}

function StepButtons({ labCase, role, onStep, onEdit }: { labCase: LabCase; role: string | undefined; onStep: (s: LabStepKind) => void; onEdit: () => void }) {
  const may = (channel: 'labCases.send' | 'labCases.receive' | 'labCases.check' | 'labCases.cancel') => mayCall(channel, role as never);
  return (
    <>
      {canStep(labCase.stage, 'send') && may('labCases.send') ? (
        <Button size="xs" onClick={() => onStep('send')}>
          Send to lab
        </Button>
      ) : null}
      {canStep(labCase.stage, 'receive') && may('labCases.receive') ? (
        <Button size="xs" onClick={() => onStep('receive')}>
          Mark received
        </Button>
      ) : null}
      {canStep(labCase.stage, 'check') && may('labCases.check') ? (
        <Button size="xs" onClick={() => onStep('check')}>
          Mark checked
        </Button>
      ) : null}
      {mayCall('labCases.update', role as never) ? (
        <Button size="xs" variant="default" onClick={onEdit}>
          Edit lab case
        </Button>
      ) : null}
      {canStep(labCase.stage, 'cancel') && may('labCases.cancel') ? (
        <Button size="xs" variant="subtle" color="red" onClick={() => onStep('cancel')}>
          Cancel lab case
        </Button>
      ) : null}
    </>
  );
}

export function LabCaseFacts({ labCase: lc, currency }: { labCase: LabCase; currency: string }) {
  const format = useFormat();
  const day = (iso: string | null) => (iso ? format.date(iso) : '—');
  const late = lc.stage === 'AT_LAB' && lc.dueDate && lc.dueDate < todayIso() ? daysBetween(lc.dueDate, todayIso()) : 0;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <StageBadge stage={lc.stage} />
        {late > 0 ? (
          <Text size="sm" c="red.8" fw={600} data-testid="lab-overdue">
            {late} {late === 1 ? 'day' : 'days'} overdue
          </Text>
        ) : null}
      </Group>
      {lc.stage === 'CANCELLED' ? (
        <Alert color="gray" variant="light" py={6}>
          <Text size="sm">
            Cancelled on {day(lc.cancelledDate)}: “{lc.cancelReason}”
          </Text>
        </Alert>
      ) : null}
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
        <Fact label="Lab">
          {lc.labName}
          {lc.labPhone ? (
            <>
              {' · '}
              <Anchor href={`tel:${lc.labPhone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
                {lc.labPhone}
              </Anchor>
            </>
          ) : null}
        </Fact>
        <Fact label="Shade">{lc.shade ?? '—'}</Fact>
        <Fact label="Sent">{day(lc.sentDate)}</Fact>
        <Fact label="Due back">{day(lc.dueDate)}</Fact>
        <Fact label="Received">{day(lc.receivedDate)}</Fact>
        <Fact label="Checked">{day(lc.checkedDate)}</Fact>
        <Fact label="Tracking number">{lc.trackingNo ?? '—'}</Fact>
        <Fact label="Lab fee">{lc.labFee === null ? '—' : format.money(lc.labFee, currency)}</Fact>
      </SimpleGrid>
      {lc.instructions ? <Fact label="Instructions">{lc.instructions}</Fact> : null}
      {lc.notes ? <Fact label="Notes">{lc.notes}</Fact> : null}
    </Stack>
  );
}
