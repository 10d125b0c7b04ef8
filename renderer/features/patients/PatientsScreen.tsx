import { Badge, Button, Group, Loader, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangleFilled, IconArchive, IconSearch, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { mayCall } from '../../../shared/contract';
import { dateOrder, parseDateQuery } from '../../../shared/domain/date-query';
import type { Patient } from '../../../shared/types';
import { isAwaitingAnswer, useApiQuery } from '../../lib/apiQuery';
import { ageText } from '../../lib/dates';
import { useFormat, type Formatter } from '../../lib/format';
import { countOf } from '../../lib/numbers';
import type { Columns } from '../../ui/DataTable';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PagedTable } from '../../ui/PagedTable';
import { PageHeader } from '../../ui/PageHeader';
import { useSession } from '../session/session.store';
import { PatientFormModal } from './PatientFormModal';
import { patientName } from './patientName';
import { usePatientsUi } from './patients.store';

const PAGE_SIZE = 25;
/** The date of birth the search hint writes as an example. */
const SAMPLE_BIRTH = '1994-05-16';

/**
 * The date forms the search box reads, written as this practice writes
 * dates: "05/16/1994 or May 16, 1994" (en-US), "16/05/1994 or 16 May 1994"
 * (en-GB). Month names are read in English only, so other languages show
 * the English form.
 */
export function birthDateExamples(fmt: Formatter): string {
  const order = dateOrder(fmt.formats.locale);
  const long = fmt.longDate(SAMPLE_BIRTH);
  const spelled = parseDateQuery(long, order) === SAMPLE_BIRTH ? long : order === 'MDY' ? 'May 16 1994' : '16 May 1994';
  return `${fmt.date(SAMPLE_BIRTH)} or ${spelled}`;
}

function patientColumns(fmt: Formatter): Columns<Patient> {
  return [
    { id: 'chart', header: 'Chart no.', cell: ({ row }) => <Text ff="monospace" fz={13}>{row.original.chartNumber}</Text> },
    {
      id: 'name',
      header: 'Name',
      cell: ({ row }) => (
        <Group gap={6} wrap="nowrap">
          <Text fz={14} fw={500} c={row.original.archivedAt ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {patientName(row.original, fmt)}
          </Text>
          {row.original.archivedAt ? (
            <Badge size="sm" color="gray" variant="light" leftSection={<IconArchive size={11} />} data-testid="archived-badge">
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
        <Text fz={14} style={{ whiteSpace: 'nowrap' }}>
          {fmt.date(row.original.dateOfBirth)}{' '}
          <Text span c="dimmed" fz={13}>
            ({ageText(row.original.dateOfBirth)})
          </Text>
        </Text>
      ),
    },
    { id: 'phone', header: 'Phone', cell: ({ row }) => <Text fz={14} style={{ whiteSpace: 'nowrap' }}>{row.original.phone ?? ''}</Text> },
    {
      id: 'alerts',
      header: 'Alerts',
      cell: ({ row }) =>
        row.original.alerts ? (
          <Tooltip label={row.original.alerts} multiline maw={320}>
            <Group gap={4} wrap="nowrap" c="red.7">
              <IconAlertTriangleFilled size={16} style={{ flexShrink: 0 }} />
              <Text fz={13} c="red.7" truncate maw={180}>
                {row.original.alerts}
              </Text>
            </Group>
          </Tooltip>
        ) : null,
    },
  ];
}

export function PatientsScreen() {
  const [, navigate] = useLocation();
  const fmt = useFormat();
  const role = useSession((s) => s.user?.role);
  const canCreate = mayCall('patients.create', role);
  const columns = useMemo(() => patientColumns(fmt), [fmt]);
  const { query, includeArchived, page, setQuery, setIncludeArchived, setPage } = usePatientsUi();
  const [debounced] = useDebouncedValue(query, 200);
  const [creating, setCreating] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);

  const result = useApiQuery('patients.search', { query: debounced.trim(), includeArchived, page, size: PAGE_SIZE }, { keepPrevious: true });
  const patients = result.data?.items ?? [];
  const open = (p: Patient) => navigate(`/patients/${p.id}`);
  const dates = birthDateExamples(fmt);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = patients[0];
    if (event.key === 'Enter' && first) open(first);
    if (event.key === 'ArrowDown') {
      tableRef.current?.querySelector<HTMLElement>('[data-testid="patient-row"]')?.focus();
      event.preventDefault();
    }
  };

  const noMatchHint = [
    `Check the spelling, or try 3 letters from anywhere in the name, the chart number, the last 4 digits of the phone, or the date of birth (${dates}).`,
    includeArchived ? '' : ' Archived patients show with “Show archived”.',
    canCreate ? ' Or add them as a new patient.' : '',
  ].join('');

  return (
    <>
      <PageHeader
        title="Patients"
        subtitle={result.data ? countOf(result.data.total, 'patient', 'patients') : ' '}
        actions={
          canCreate ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
              New patient
            </Button>
          ) : null
        }
      />
      <Group mb="md" gap="lg" align="flex-start" wrap="nowrap">
        <TextInput
          label="Search patients"
          placeholder="Name, chart no., phone or date of birth"
          description={`Any 3 letters of a name (“kafor” finds Okafor), chart number, last 4 digits of a phone, or date of birth: ${dates}.`}
          leftSection={<IconSearch size={16} />}
          rightSection={isAwaitingAnswer(result) ? <Loader size={14} /> : null}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
          autoFocus
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          styles={{ description: { marginTop: 4 } }}
          style={{ flex: '0 1 560px', minWidth: 0 }}
        />
        <Switch label="Show archived" checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} mt={31} style={{ flexShrink: 0 }} />
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
              hint={query ? noMatchHint : canCreate ? 'Add your first patient with “New patient”.' : 'Patients added at the front desk will show here.'}
              action={
                canCreate ? (
                  <Button variant="light" mt="sm" onClick={() => setCreating(true)}>
                    New patient
                  </Button>
                ) : undefined
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
