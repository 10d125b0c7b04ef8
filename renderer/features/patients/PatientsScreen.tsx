import { Badge, Button, Group, Loader, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangleFilled, IconSearch, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import type { Patient } from '../../../shared/types';
import { ageText, formatDay } from '../../lib/dates';
import { countOf } from '../../lib/numbers';
import { isAwaitingAnswer, useApiQuery } from '../../lib/apiQuery';
import type { Columns } from '../../ui/DataTable';
import { PagedTable } from '../../ui/PagedTable';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { PatientFormModal } from './PatientFormModal';
import { usePatientsUi } from './patients.store';

const PAGE_SIZE = 25;

const columns: Columns<Patient> = [
  { id: 'chart', header: 'Chart no.', cell: ({ row }) => <Text ff="monospace" fz={13}>{row.original.chartNumber}</Text> },
  {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <Group gap={6} wrap="nowrap">
        <Text fz={14} fw={500}>
          {row.original.lastName}, {row.original.firstName}
        </Text>
        {row.original.archivedAt ? (
          <Badge size="xs" color="gray" variant="outline">
            Archived
          </Badge>
        ) : null}
      </Group>
    ),
  },
  {
    id: 'dob',
    header: 'Date of birth',
    cell: ({ row }) => (
      <Text fz={14}>
        {formatDay(row.original.dateOfBirth)}{' '}
        <Text span c="dimmed" fz={13}>
          ({ageText(row.original.dateOfBirth)})
        </Text>
      </Text>
    ),
  },
  { id: 'phone', header: 'Phone', cell: ({ row }) => row.original.phone ?? '' },
  {
    id: 'alerts',
    header: 'Alerts',
    cell: ({ row }) =>
      row.original.alerts ? (
        <Tooltip label={row.original.alerts} multiline maw={320}>
          <Group gap={4} wrap="nowrap" c="red.7">
            <IconAlertTriangleFilled size={16} />
            <Text fz={13} c="red.7" truncate maw={180}>
              {row.original.alerts}
            </Text>
          </Group>
        </Tooltip>
      ) : null,
  },
];

export function PatientsScreen() {
  const [, navigate] = useLocation();
  const { query, includeArchived, page, setQuery, setIncludeArchived, setPage } = usePatientsUi();
  const [debounced] = useDebouncedValue(query, 200);
  const [creating, setCreating] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);

  const result = useApiQuery('patients.search', { query: debounced.trim(), includeArchived, page, size: PAGE_SIZE }, { keepPrevious: true });
  const patients = result.data?.items ?? [];
  const open = (p: Patient) => navigate(`/patients/${p.id}`);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = patients[0];
    if (event.key === 'Enter' && first) open(first);
    if (event.key === 'ArrowDown') {
      tableRef.current?.querySelector<HTMLElement>('[data-testid="patient-row"]')?.focus();
      event.preventDefault();
    }
  };

  return (
    <>
      <PageHeader
        title="Patients"
        subtitle={result.data ? countOf(result.data.total, 'patient', 'patients') : ' '}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New patient
          </Button>
        }
      />
      <Group mb="md" gap="lg">
        <TextInput
          label="Search patients"
          placeholder="Name, chart number, phone or date of birth"
          leftSection={<IconSearch size={16} />}
          rightSection={isAwaitingAnswer(result) ? <Loader size={14} /> : null}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
          autoFocus
          w={420}
        />
        <Switch label="Show archived" checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} mt={24} />
      </Group>
      {result.error ? <ErrorAlert error={result.error} /> : null}
      <PagedTable
        total={result.data?.total}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        containerRef={tableRef}
        columns={columns}
        data={patients}
        rowKey={(p) => p.id}
        rowTestId="patient-row"
        onOpen={open}
        empty={
          result.data ? (
            <Empty
              icon={<IconUsersGroup size={24} />}
              title={query ? `No patients match “${query}”` : 'No patients yet'}
              hint={query ? 'Check the spelling, try the chart number or date of birth (YYYY-MM-DD), or add them as a new patient.' : 'Add your first patient to start charting visits.'}
              action={
                <Button variant="light" mt="sm" onClick={() => setCreating(true)}>
                  New patient
                </Button>
              }
            />
          ) : null
        }
      />
      <PatientFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          open(p);
        }}
      />
    </>
  );
}
