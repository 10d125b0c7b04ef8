import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconBan, IconCalendarX, IconDental, IconEdit, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api';
import { mayCall } from '../../../shared/contract';
import { STATUS_LABELS, type ProcedureStatus } from '../../../shared/domain/status';
import type { Procedure, VisitDetails } from '../../../shared/types';
import { useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { ChartPanel } from '../chart/ChartPanel';
import { PatientHeader } from '../patients/PatientHeader';
import { useSession } from '../session/session.store';
import { CancelVisitModal } from './CancelVisitModal';
import { EditVisitModal } from './EditVisitModal';
import { ProcedureDetailDrawer } from './ProcedureDetailDrawer';
import { cancellation } from './procedureHistory';
import { procedureToValues } from './procedureForm';
import { ProcedureFormModal, type ProcedureDialog } from './ProcedureFormModal';
import { ProceduresTable, type ProcedureActions } from './ProceduresTable';

type Ask = { kind: 'remove' | 'cancel'; procedure: Procedure } | null;
type LockedNotice = { procedure: Procedure; message: string } | null;
type VisitDialog = 'none' | 'edit' | 'cancel' | 'remove';

/**
 * What may be done to the visit as a whole, as the core decides it: cancel
 * while there is planned work and none has started; remove while every
 * procedure is still planned (or there are none).
 */
export function visitChoices(v: VisitDetails) {
  const open = v.procedures.filter((p) => p.status !== 'CANCELLED');
  return {
    canCancel: open.length > 0 && open.every((p) => p.status === 'PLANNED'),
    canRemove: v.procedures.every((p) => p.status === 'PLANNED'),
  };
}

/** With `procedureId` (a link from the lab board) the procedure's details open at once. */
export function VisitPage({ id, procedureId }: { id: string; procedureId?: string }) {
  const [, navigate] = useLocation();
  const format = useFormat();
  const user = useSession((s) => s.user);
  const role = user?.role;
  const visit = useApiQuery('visits.get', { id });
  const patientId = visit.data?.patientId ?? null;
  const patient = useApiQuery('patients.get', patientId ? { id: patientId } : null);
  const cancelled = visit.data?.status === 'CANCELLED';
  const history = useApiQuery('visits.history', cancelled ? { id } : null);
  const setProcedureStatus = useApiMutation('procedures.setStatus').mutateAsync;
  const removeProcedure = useApiMutation('procedures.remove').mutateAsync;
  const removeVisit = useApiMutation('visits.remove').mutateAsync;
  const [dialog, setDialog] = useState<ProcedureDialog | null>(null);
  const [visitDialog, setVisitDialog] = useState<VisitDialog>('none');
  const [ask, setAsk] = useState<Ask>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [detailId, setDetailId] = useState<string | null>(procedureId ?? null);
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
  const archived = Boolean(visit.data?.patientArchivedAt);
  const actions: ProcedureActions = useMemo(
    () => ({
      onStatus: (p, to) => (to === 'CANCELLED' ? setAsk({ kind: 'cancel', procedure: p }) : void setStatus(p, to)),
      onEdit: (p) => setDialog({ mode: 'edit', procedure: p }),
      onRemove: (p) => setAsk({ kind: 'remove', procedure: p }),
      onDetails: (p) => setDetailId(p.id),
      busyId,
      canEdit: !archived && mayCall('procedures.update', role),
      canRemove: !archived && mayCall('procedures.remove', role),
    }),
    [archived, busyId, setStatus, role],
  );

  if (visit.error && !visit.data) return <ErrorAlert error={visit.error} title="Could not open this visit" />;
  const v = visit.data;
  if (!v) return <Loader m="xl" />;

  const patientName = format.name({ firstName: v.patientFirstName, lastName: v.patientLastName });
  const patientFullName = format.fullName({ firstName: v.patientFirstName, lastName: v.patientLastName });
  const choices = visitChoices(v);
  const canEditVisit = !archived && mayCall('visits.update', role);
  const canCancelVisit = !archived && mayCall('visits.cancel', role) && choices.canCancel;
  const canRemoveVisit = !archived && mayCall('visits.remove', role) && choices.canRemove;
  const canAddProcedure = !archived && mayCall('procedures.add', role);
  const cancelledBy = cancelled ? cancellation(history.data) : null;
  const detail = detailId ? (v.procedures.find((p) => p.id === detailId) ?? null) : null;
  const day = format.date(v.date);
  const defaultPerformerId = user && (user.role === 'DENTIST' || user.role === 'HYGIENIST') ? user.id : v.providerId;

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
  // Throws a refusal for the dialog to show in the server's words; the page shows the visit as saved now.
  const confirmRemoveVisit = async () => {
    try {
      await removeVisit({ id: v.id, version: v.version });
    } catch (err) {
      void refetchVisit();
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        throw new ApiError('CONFLICT', 'Someone else changed this visit a moment ago. The page now shows their version: check it before removing.');
      }
      throw err;
    }
    setVisitDialog('none');
    notifySuccess(`Visit of ${day} removed`);
    navigate(`/patients/${v.patientId}`);
  };

  const emptyHint = archived
    ? 'Nothing was recorded on this visit.'
    : canAddProcedure
      ? 'Add what is planned or done in this visit with “Add procedure”.'
      : canRemoveVisit
        ? 'The dentist, hygienist or assistant adds the planned work here. If the visit was made by mistake, remove it with “Remove visit”.'
        : 'The dentist, hygienist or assistant adds the planned work here; it shows as soon as it is saved.';

  return (
    <>
      {patient.data ? <PatientHeader patient={patient.data} /> : null}
      {archived ? (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} mb="md" title="This visit is read-only" data-testid="visit-read-only">
          {patientFullName} is archived, so this visit is read-only.{' '}
          {mayCall('patients.restore', role) ? (
            <>
              You can restore the patient from{' '}
              <Anchor component={Link} href={`/patients/${v.patientId}`} size="sm">
                the patient page
              </Anchor>
              .
            </>
          ) : (
            <>
              An administrator can restore the patient from{' '}
              <Anchor component={Link} href={`/patients/${v.patientId}`} size="sm">
                the patient page
              </Anchor>
              .
            </>
          )}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="md" mb="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed">
              Visit for{' '}
              <Anchor component={Link} href={`/patients/${v.patientId}`} fw={600}>
                {patientName}
              </Anchor>{' '}
              · chart {v.chartNumber}
            </Text>
            <Group gap="sm" align="center">
              <Title order={2} fz={22} data-testid="visit-when">
                {format.longDate(v.date)}
                {v.time ? ` at ${format.time(v.time)}` : ''}
              </Title>
              <StatusBadge status={v.status} size="lg" data-testid="visit-status" />
            </Group>
            <Text size="sm">
              Provider <b>{v.providerName}</b>
            </Text>
            {v.notes ? (
              <Text size="sm" c="dimmed" maw={640} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="visit-notes">
                {v.notes}
              </Text>
            ) : null}
            {canEditVisit || canCancelVisit || canRemoveVisit ? (
              <Group gap="xs" mt="xs">
                {canEditVisit ? (
                  <Button variant="default" size="xs" leftSection={<IconEdit size={14} />} onClick={() => setVisitDialog('edit')}>
                    Edit visit
                  </Button>
                ) : null}
                {canCancelVisit ? (
                  <Button variant="default" size="xs" leftSection={<IconBan size={14} />} onClick={() => setVisitDialog('cancel')}>
                    Cancel visit
                  </Button>
                ) : null}
                {canRemoveVisit ? (
                  <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => setVisitDialog('remove')}>
                    Remove visit
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Stack>
          <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Total
            </Text>
            <Text fz={24} fw={700} className="num" data-testid="visit-total">
              {format.money(v.totalCost, v.currency)}
            </Text>
            <Text size="xs" c="dimmed">
              {v.procedureCount} {v.procedureCount === 1 ? 'procedure' : 'procedures'} charged · cancelled work is not
            </Text>
          </Stack>
        </Group>
        {cancelled && cancelledBy ? (
          <Alert color="gray" variant="light" icon={<IconCalendarX size={18} />} mt="md" py={8} data-testid="visit-cancel-reason" title="This visit was cancelled">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {cancelledBy.reason ? `“${cancelledBy.reason}”` : 'No reason was given.'}
            </Text>
            <Text size="xs" c="dimmed" mt={2}>
              {format.instant(cancelledBy.at)}
              {cancelledBy.userName ? ` by ${cancelledBy.userName}` : ''}
            </Text>
          </Alert>
        ) : null}
      </Paper>

      {lockedNotice ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} title="This procedure is locked" mb="md" withCloseButton onClose={() => setLockedNotice(null)} data-testid="locked-alert">
          <Text size="sm">
            {lockedNotice.message}
            {lockedNotice.procedure.lockedByClaim ? ` (claim ${lockedNotice.procedure.lockedByClaim})` : ''}
          </Text>
          {canAddProcedure ? (
            <Button size="xs" mt="sm" onClick={() => correct(lockedNotice.procedure)}>
              Add correction
            </Button>
          ) : null}
        </Alert>
      ) : null}

      <ChartPanel
        patientId={v.patientId}
        visitId={v.id}
        readOnlyReason={
          archived
            ? `${patientFullName} is archived: the chart is read-only.`
            : cancelled
              ? 'This visit was cancelled: chart on another visit.'
              : !canAddProcedure
                ? 'The dentist, hygienist or assistant charts here; the chart shows as soon as they save.'
                : null
        }
        canAddProcedures={canAddProcedure}
        performedById={defaultPerformerId}
      />

      <Group justify="space-between" mb="sm">
        <Title order={3} fz={17}>
          Procedures
        </Title>
        {canAddProcedure ? (
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
          empty={<Empty icon={<IconDental size={24} />} title={archived ? 'No procedures' : 'No procedures yet'} hint={emptyHint} />}
        />
      </Paper>

      <ProcedureDetailDrawer procedure={detail} visit={v} onClose={() => setDetailId(null)} onOpen={(p) => setDetailId(p.id)} />
      <ProcedureFormModal
        dialog={dialog}
        visitId={v.id}
        currency={v.currency}
        defaultPerformerId={defaultPerformerId}
        onClose={() => setDialog(null)}
        onSaved={() => setDialog(null)}
        onCorrect={(p, values) => setDialog({ mode: 'add', corrects: p, initial: values })}
      />
      <EditVisitModal opened={visitDialog === 'edit'} visit={v} onClose={() => setVisitDialog('none')} />
      <CancelVisitModal opened={visitDialog === 'cancel'} visit={v} onClose={() => setVisitDialog('none')} />
      <ConfirmModal
        opened={visitDialog === 'remove'}
        title="Remove visit"
        message={`Remove the visit of ${day} for ${patientFullName}${v.procedures.length ? ` and its ${v.procedures.length === 1 ? 'planned procedure' : `${v.procedures.length} planned procedures`}` : ''}?`}
        confirmLabel="Remove visit"
        cancelLabel="Keep the visit"
        onConfirm={confirmRemoveVisit}
        onClose={() => setVisitDialog('none')}
      >
        <Text size="sm" c="dimmed" mt="xs">
          For a visit made by mistake. It goes from {patientFullName}’s visits; the audit trail keeps a record of it.
        </Text>
      </ConfirmModal>
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
