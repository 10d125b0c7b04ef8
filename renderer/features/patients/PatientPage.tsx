import { Alert, Button, Group, Loader, Text, Title } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconCalendarPlus, IconEdit, IconStethoscope } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { VisitSummary } from '../../../shared/types';
import { formatDay } from '../../lib/dates';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { ConfirmModal } from '../../ui/ConfirmModal';
import type { Columns } from '../../ui/DataTable';
import { PagedTable } from '../../ui/PagedTable';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatMoney } from '../../../shared/domain/money';
import { StatusBadge } from '../../ui/StatusBadge';
import { useSession } from '../session/session.store';
import { NewVisitModal } from '../visits/NewVisitModal';
import { PatientFormModal } from './PatientFormModal';
import { PatientHeader } from './PatientHeader';
import { patientName } from './patientName';
import { mayCall } from '../../../shared/contract';

const PAGE_SIZE = 25;

const columns: Columns<VisitSummary> = [
  {
    id: 'date',
    header: 'Date',
    cell: ({ row }) => (
      <Text fz={14} fw={500}>
        {formatDay(row.original.date)}
        {row.original.time ? (
          <Text span c="dimmed" fz={13}>
            {' '}
            {row.original.time}
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
    cell: ({ row }) => <div className="num">{formatMoney(row.original.totalCost, row.original.currency)}</div>,
  },
];

export function PatientPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const user = useSession((s) => s.user);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'none' | 'edit' | 'archive' | 'restore' | 'visit'>('none');
  const patient = useApiQuery('patients.get', { id });
  const visits = useApiQuery('visits.listByPatient', { patientId: id, page, size: PAGE_SIZE, sort: 'date,desc' }, { keepPrevious: true });
  const archive = useApiMutation('patients.archive');
  const restore = useApiMutation('patients.restore');
  const close = () => setDialog('none');

  if (patient.error && !patient.data) return <ErrorAlert error={patient.error} title="Could not open this patient" />;
  const p = patient.data;
  if (!p) return <Loader m="xl" />;

  const archived = Boolean(p.archivedAt);
  const canArchive = mayCall('patients.archive', user?.role) && !archived;
  const canRestore = mayCall('patients.restore', user?.role) && archived;
  const archiveOrRestore = async (action: 'archive' | 'restore') => {
    try {
      await (action === 'archive' ? archive : restore).mutateAsync({ id: p.id, version: p.version });
      notifySuccess(`${patientName(p)} ${action === 'archive' ? 'archived' : 'restored'}`);
    } catch (err) {
      notifyError(err);
      // Refused (changed elsewhere, say): show the patient as saved now.
      void patient.refetch();
    } finally {
      close();
    }
  };
  const isProvider = user?.role === 'DENTIST' || user?.role === 'HYGIENIST';

  return (
    <>
      <PatientHeader
        patient={p}
        actions={
          <>
            {archived ? null : (
              <Button variant="default" size="sm" leftSection={<IconEdit size={16} />} onClick={() => setDialog('edit')}>
                Edit
              </Button>
            )}
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
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} mb="md" data-testid="archived-notice" title="This chart is read-only">
          {patientName(p)} was archived on {formatDay(p.archivedAt!.slice(0, 10))}. Their history is kept, but nothing on their chart can change
          {canRestore ? ' until you restore them.' : ' unless an administrator restores them.'}
        </Alert>
      ) : null}
      <Group justify="space-between" mb="sm">
        <Title order={3} fz={17}>
          Visits
        </Title>
        {archived ? null : (
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setDialog('visit')}>
            New visit
          </Button>
        )}
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
        empty={
          visits.data ? (
            <Empty
              icon={<IconStethoscope size={24} />}
              title="No visits yet"
              hint="Start a visit for today with “New visit”, then add the procedures planned or done."
            />
          ) : null
        }
      />

      <PatientFormModal
        opened={dialog === 'edit'}
        patient={p}
        onClose={close}
        onSaved={close}
      />
      <ConfirmModal
        opened={dialog === 'archive'}
        title="Archive patient"
        message={`Archive ${patientName(p)} (chart ${p.chartNumber})? They will no longer appear in searches unless “Show archived” is on. Their records are kept.`}
        confirmLabel="Archive patient"
        onConfirm={() => archiveOrRestore('archive')}
        onClose={close}
      />
      <ConfirmModal
        opened={dialog === 'restore'}
        title="Restore patient"
        message={`Restore ${patientName(p)} (chart ${p.chartNumber})? They will appear in searches again and their chart can change again.`}
        confirmLabel="Restore patient"
        cancelLabel="Leave archived"
        destructive={false}
        onConfirm={() => archiveOrRestore('restore')}
        onClose={close}
      />
      <NewVisitModal
        opened={dialog === 'visit'}
        patientId={p.id}
        defaultProviderId={isProvider ? user.id : undefined}
        onClose={close}
        onCreated={(v) => navigate(`/visits/${v.id}`)}
      />
    </>
  );
}
