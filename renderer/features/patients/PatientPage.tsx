import { Alert, Box, Button, Group, Loader, Text, Title } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconCalendarPlus, IconEdit, IconStethoscope } from '@tabler/icons-react';
import { format } from 'date-fns';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { mayCall } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';
import type { VisitSummary } from '../../../shared/types';
import { useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { useFormat, type Formatter } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ConfirmModal } from '../../ui/ConfirmModal';
import type { Columns } from '../../ui/DataTable';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PagedTable } from '../../ui/PagedTable';
import { StatusBadge } from '../../ui/StatusBadge';
import { useSession } from '../session/session.store';
import { NewVisitModal } from '../visits/NewVisitModal';
import { NoProviderNotice, useProviderList } from './NoProviderNotice';
import { PatientFormModal } from './PatientFormModal';
import { ChartPanel } from '../chart/ChartPanel';
import { PatientHeader } from './PatientHeader';
import { patientFullName } from './patientName';

const PAGE_SIZE = 25;

function visitColumns(fmt: Formatter): Columns<VisitSummary> {
  return [
    {
      id: 'date',
      header: 'Date',
      cell: ({ row }) => (
        <Text fz={14} fw={500}>
          {fmt.date(row.original.date)}
          {row.original.time ? (
            <Text span c="dimmed" fz={13}>
              {' '}
              {fmt.time(row.original.time)}
            </Text>
          ) : null}
        </Text>
      ),
    },
    { id: 'provider', header: 'Provider', cell: ({ row }) => row.original.providerName },
    { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    {
      id: 'procedures',
      header: 'Procedures',
      cell: ({ row }) => `${row.original.procedureCount} ${row.original.procedureCount === 1 ? 'procedure' : 'procedures'}`,
    },
    {
      id: 'total',
      header: () => <div className="num">Total</div>,
      cell: ({ row }) => <div className="num">{fmt.money(row.original.totalCost, row.original.currency)}</div>,
    },
  ];
}

/** What to do when a patient has no visits, in words that fit who is looking. */
function noVisitsHint(archived: boolean, role: Role | undefined): string {
  if (archived) return 'None were recorded before they were archived.';
  if (!mayCall('visits.create', role)) return 'Visits made for this patient will show here.';
  return mayCall('procedures.add', role)
    ? 'Start a visit for today with “New visit”, then add the procedures planned or done.'
    : 'Start a visit for today with “New visit”; the dentist or hygienist adds the procedures.';
}

export function PatientPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const user = useSession((s) => s.user);
  const fmt = useFormat();
  const columns = useMemo(() => visitColumns(fmt), [fmt]);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'none' | 'edit' | 'archive' | 'restore' | 'visit'>('none');
  const patient = useApiQuery('patients.get', { id });
  const visits = useApiQuery('visits.listByPatient', { patientId: id, page, size: PAGE_SIZE, sort: 'date,desc' }, { keepPrevious: true });
  const { providers, none: noProviders } = useProviderList();
  const archive = useApiMutation('patients.archive');
  const restore = useApiMutation('patients.restore');
  const close = () => setDialog('none');

  if (patient.error && !patient.data) return <ErrorAlert error={patient.error} title="Could not open this patient" />;
  const p = patient.data;
  if (!p) return <Loader m="xl" />;

  const role = user?.role;
  const archived = Boolean(p.archivedAt);
  // An archived chart is read-only: no write is offered, only the way back for those who may take it.
  const canEdit = !archived && mayCall('patients.update', role);
  const canArchive = !archived && mayCall('patients.archive', role);
  const canRestore = archived && mayCall('patients.restore', role);
  const canStartVisit = !archived && mayCall('visits.create', role);
  const name = patientFullName(p, fmt);
  const archiveOrRestore = async (action: 'archive' | 'restore') => {
    try {
      await (action === 'archive' ? archive : restore).mutateAsync({ id: p.id, version: p.version });
      notifySuccess(`${name} ${action === 'archive' ? 'archived' : 'restored'}`);
    } catch (err) {
      notifyError(err);
      // Refused (changed elsewhere, say): show the patient as saved now.
      void patient.refetch();
    } finally {
      close();
    }
  };
  // The signed-in user is offered as the visit's provider when they are one (an administrator who treats patients too).
  const isProvider = Boolean(user && providers?.some((pr) => pr.id === user.id));

  return (
    <>
      <PatientHeader
        patient={p}
        actions={
          <>
            {canEdit ? (
              <Button variant="default" size="sm" leftSection={<IconEdit size={16} />} onClick={() => setDialog('edit')}>
                Edit
              </Button>
            ) : null}
            {canRestore ? (
              <Button variant="default" size="sm" leftSection={<IconArchiveOff size={16} />} onClick={() => setDialog('restore')}>
                Restore
              </Button>
            ) : null}
            {canArchive ? (
              <Button variant="default" size="sm" color="red" leftSection={<IconArchive size={16} />} onClick={() => setDialog('archive')}>
                Archive
              </Button>
            ) : null}
          </>
        }
      />
      {archived ? (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} mb="md" data-testid="archived-notice" title={`Archived on ${fmt.date(format(new Date(p.archivedAt!), 'yyyy-MM-dd'))}: the chart is read-only.`}>
          {canRestore
            ? `Their history is kept. Restore ${name} to change their details or start a visit.`
            : `Their history is kept. An administrator can restore ${name} if they come back.`}
        </Alert>
      ) : null}
      {canStartVisit && noProviders ? <NoProviderNotice /> : null}
      <Group justify="space-between" mb="sm">
        <Title order={3} fz={17}>
          Visits
        </Title>
        {canStartVisit ? (
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setDialog('visit')} disabled={noProviders}>
            New visit
          </Button>
        ) : null}
      </Group>
      {visits.error ? <ErrorAlert error={visits.error} /> : null}
      <PagedTable
        total={visits.data?.total}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        columns={columns}
        data={visits.data?.items ?? []}
        rowKey={(v) => v.id}
        rowTestId="visit-row"
        onOpen={(v) => navigate(`/visits/${v.id}`)}
        empty={visits.data ? <Empty icon={<IconStethoscope size={24} />} title="No visits yet" hint={noVisitsHint(archived, role)} /> : null}
      />
      <Box mt="lg">
        {/* The whole mouth across visits; findings (existing work, conditions) are recorded here too, procedures on a visit. */}
        <ChartPanel
          patientId={p.id}
          visitId={null}
          readOnlyReason={
            archived
              ? `${name} is archived: the chart is read-only.`
              : !mayCall('findings.add', role)
                ? 'The dentist, hygienist or assistant charts here; the chart shows as soon as they save.'
                : null
          }
          canAddProcedures={false}
          performedById={null}
        />
      </Box>

      {canEdit ? <PatientFormModal opened={dialog === 'edit'} patient={p} onClose={close} onSaved={close} /> : null}
      <ConfirmModal
        opened={dialog === 'archive'}
        title="Archive patient"
        message={`Archive ${name} (chart ${p.chartNumber})? They will no longer appear in searches unless “Show archived” is on, and their chart becomes read-only. Their records are kept.`}
        confirmLabel="Archive patient"
        onConfirm={() => archiveOrRestore('archive')}
        onClose={close}
      />
      <ConfirmModal
        opened={dialog === 'restore'}
        title="Restore patient"
        message={`Restore ${name} (chart ${p.chartNumber})? They will appear in searches again and their chart can change again.`}
        confirmLabel="Restore patient"
        cancelLabel="Leave archived"
        destructive={false}
        onConfirm={() => archiveOrRestore('restore')}
        onClose={close}
      />
      {canStartVisit ? (
        <NewVisitModal
          opened={dialog === 'visit'}
          patientId={p.id}
          defaultProviderId={isProvider ? user?.id : undefined}
          onClose={close}
          onCreated={(v) => navigate(`/visits/${v.id}`)}
        />
      ) : null}
    </>
  );
}
