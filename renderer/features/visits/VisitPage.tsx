import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDental, IconLock, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api';
import { STATUS_LABELS, type ProcedureStatus } from '../../../shared/domain/status';
import type { Procedure } from '../../../shared/types';
import { formatDay } from '../../lib/dates';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatMoney } from '../../../shared/domain/money';
import { StatusBadge } from '../../ui/StatusBadge';
import { PatientHeader } from '../patients/PatientHeader';
import { useSession } from '../session/session.store';
import { procedureToValues } from './procedureForm';
import { ProcedureFormModal, type ProcedureDialog } from './ProcedureFormModal';
import { ProceduresTable, type ProcedureActions } from './ProceduresTable';
import { mayCall } from '../../../shared/contract';


type Ask = { kind: 'remove' | 'cancel'; procedure: Procedure } | null;
type LockedNotice = { procedure: Procedure; message: string } | null;

export function VisitPage({ id }: { id: string }) {
  const user = useSession((s) => s.user);
  const visit = useApiQuery('visits.get', { id });
  const patientId = visit.data?.patientId ?? null;
  const patient = useApiQuery('patients.get', patientId ? { id: patientId } : null);
  const setProcedureStatus = useApiMutation('procedures.setStatus').mutateAsync;
  const removeProcedure = useApiMutation('procedures.remove').mutateAsync;
  const [dialog, setDialog] = useState<ProcedureDialog | null>(null);
  const [ask, setAsk] = useState<Ask>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [lockedNotice, setLockedNotice] = useState<LockedNotice>(null);
  const refetchVisit = visit.refetch;

  // A refused step (changed or locked elsewhere) shows the visit as saved now.
  const handleActionError = useCallback(
    (err: unknown, p: Procedure) => {
      if (err instanceof ApiError && err.code === 'LOCKED') setLockedNotice({ procedure: p, message: err.message });
      else if (err instanceof ApiError && err.code === 'CONFLICT') {
        notifyError(new ApiError('CONFLICT', 'Someone else changed this procedure a moment ago. The visit now shows their version; try again.'));
      } else notifyError(err);
      void refetchVisit();
    },
    [refetchVisit],
  );

  const setStatus = useCallback(
    async (p: Procedure, to: ProcedureStatus) => {
      setBusyId(p.id);
      try {
        await setProcedureStatus({ id: p.id, version: p.version, status: to });
        notifySuccess(`${p.code} ${STATUS_LABELS[to].toLowerCase()}`);
      } catch (err) {
        handleActionError(err, p);
      } finally {
        setBusyId(null);
      }
    },
    [handleActionError, setProcedureStatus],
  );

  // An archived patient's chart is read-only: offer nothing the core would refuse.
  const archived = Boolean(patient.data?.archivedAt);
  const actions: ProcedureActions = useMemo(
    () => ({
      onStatus: (p, to) => (to === 'CANCELLED' ? setAsk({ kind: 'cancel', procedure: p }) : void setStatus(p, to)),
      onEdit: (p) => setDialog({ mode: 'edit', procedure: p }),
      onRemove: (p) => setAsk({ kind: 'remove', procedure: p }),
      busyId,
      canEdit: !archived && mayCall('procedures.update', user?.role),
      canRemove: !archived && mayCall('procedures.remove', user?.role),
    }),
    [archived, busyId, setStatus, user],
  );

  if (visit.error && !visit.data) return <ErrorAlert error={visit.error} title="Could not open this visit" />;
  const v = visit.data;
  if (!v) return <Loader m="xl" />;

  const remove = async (p: Procedure) => {
    try {
      await removeProcedure({ id: p.id, version: p.version });
      notifySuccess(`${p.code} removed`);
    } catch (err) {
      handleActionError(err, p);
    } finally {
      setAsk(null);
    }
  };
  const confirmAsk = async () => {
    if (!ask) return;
    if (ask.kind === 'remove') await remove(ask.procedure);
    else {
      setAsk(null);
      await setStatus(ask.procedure, 'CANCELLED');
    }
  };
  const correct = (p: Procedure) => {
    setLockedNotice(null);
    setDialog({ mode: 'add', corrects: p, initial: procedureToValues(p, v.currency) });
  };

  return (
    <>
      {patient.data ? <PatientHeader patient={patient.data} /> : null}
      <Paper withBorder radius="md" p="md" mb="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Visit for{' '}
              <Anchor component={Link} href={`/patients/${v.patientId}`} fw={600}>
                {v.patientName}
              </Anchor>{' '}
              · chart {v.chartNumber}
            </Text>
            <Group gap="sm" align="center">
              <Title order={2} fz={22}>
                {formatDay(v.date)}
                {v.time ? ` at ${v.time}` : ''}
              </Title>
              <StatusBadge status={v.status} size="lg" data-testid="visit-status" />
            </Group>
            <Text size="sm">
              Provider <b>{v.providerName}</b>
            </Text>
            {v.notes ? (
              <Text size="sm" c="dimmed" maw={640}>
                {v.notes}
              </Text>
            ) : null}
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Total
            </Text>
            <Text fz={24} fw={700} className="num" data-testid="visit-total">
              {formatMoney(v.totalCost, v.currency)}
            </Text>
            <Text size="xs" c="dimmed">
              {v.procedureCount} {v.procedureCount === 1 ? 'procedure' : 'procedures'} charged · cancelled work is not
            </Text>
          </Stack>
        </Group>
      </Paper>

      {lockedNotice ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} title="This procedure is locked" mb="md" withCloseButton onClose={() => setLockedNotice(null)} data-testid="locked-alert">
          <Text size="sm">
            {lockedNotice.message}
            {lockedNotice.procedure.lockedByClaim ? ` (claim ${lockedNotice.procedure.lockedByClaim})` : ''}
          </Text>
          <Button size="xs" mt="sm" onClick={() => correct(lockedNotice.procedure)}>
            Add correction
          </Button>
        </Alert>
      ) : null}

      <Group justify="space-between" mb="sm">
        <Title order={3} fz={17}>
          Procedures
        </Title>
        {actions.canEdit ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ mode: 'add' })}>
            Add procedure
          </Button>
        ) : null}
      </Group>
      <Paper withBorder radius="md">
        <ProceduresTable
          procedures={v.procedures}
          currency={v.currency}
          actions={actions}
          empty={<Empty icon={<IconDental size={24} />} title="No procedures yet" hint="Add what is planned or done in this visit with “Add procedure”." />}
        />
      </Paper>

      <ProcedureFormModal
        dialog={dialog}
        visitId={v.id}
        currency={v.currency}
        defaultPerformerId={user && (user.role === 'DENTIST' || user.role === 'HYGIENIST') ? user.id : v.providerId}
        onClose={() => setDialog(null)}
        onSaved={() => setDialog(null)}
        onCorrect={(p, values) => setDialog({ mode: 'add', corrects: p, initial: values })}
      />
      <ConfirmModal
        opened={ask !== null}
        title={ask?.kind === 'remove' ? 'Remove procedure' : 'Cancel procedure'}
        message={
          ask
            ? ask.kind === 'remove'
              ? `Remove ${ask.procedure.code} ${ask.procedure.name} from this visit?`
              : `Cancel ${ask.procedure.code} ${ask.procedure.name}? A cancelled procedure stays on the visit, struck through, and cannot be restarted.`
            : ''
        }
        confirmLabel={ask?.kind === 'remove' ? 'Remove procedure' : 'Cancel procedure'}
        onConfirm={confirmAsk}
        onClose={() => setAsk(null)}
      />
    </>
  );
}
