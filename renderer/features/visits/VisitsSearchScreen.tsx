import { Button, Group, Loader, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconListSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { isIsoDate } from '../../../shared/domain/dates';
import { STATUS_LABELS, VISIT_STATUSES, type VisitStatus } from '../../../shared/domain/status';
import { countOf } from '../../lib/numbers';
import { isAwaitingAnswer, useApiQuery } from '../../lib/apiQuery';
import { PagedTable } from '../../ui/PagedTable';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { providerOptions, useProviders } from './providers';
import { searchColumns } from './visitColumns';

const PAGE_SIZE = 25;
const SORTS = [
  { value: 'date,desc', label: 'Newest first' },
  { value: 'date,asc', label: 'Oldest first' },
  { value: 'totalCost,desc', label: 'Highest total' },
  { value: 'procedureCount,desc', label: 'Most procedures' },
];

interface Filters {
  status: VisitStatus | null;
  providerId: string | null;
  code: string;
  from: string;
  to: string;
  sort: string;
}
const NO_FILTERS: Filters = { status: null, providerId: null, code: '', from: '', to: '', sort: 'date,desc' };

export function VisitsSearchScreen() {
  const [, navigate] = useLocation();
  const providers = useProviders();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [code] = useDebouncedValue(filters.code.trim(), 250);
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const input = {
    status: filters.status ?? undefined,
    providerId: filters.providerId ?? undefined,
    code: code || undefined,
    // Half-typed dates are not sent; the field itself shows them as typed.
    from: isIsoDate(filters.from) ? filters.from : undefined,
    to: isIsoDate(filters.to) ? filters.to : undefined,
    sort: filters.sort,
    page,
    size: PAGE_SIZE,
  };
  const result = useApiQuery('visits.search', input, { keepPrevious: true });
  const rangeError = result.error?.issues.find((i) => i.path === 'to')?.message;
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <PageHeader title="Visits" subtitle={result.data ? countOf(result.data.total, 'visit', 'visits') : ' '} />
      <Group mb="md" align="flex-end" gap="sm">
        <TextInput label="Procedure code" placeholder="D2391" value={filters.code} onChange={(e) => set({ code: e.currentTarget.value })} autoFocus w={140} rightSection={isAwaitingAnswer(result) ? <Loader size={14} /> : null} />
        <Select
          label="Status"
          placeholder="Any"
          clearable
          data={VISIT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          value={filters.status}
          onChange={(v) => set({ status: v })}
          w={150}
        />
        <Select label="Provider" placeholder="Anyone" clearable data={providerOptions(providers)} value={filters.providerId} onChange={(v) => set({ providerId: v })} w={220} />
        <TextInput label="From" type="date" value={filters.from} onChange={(e) => set({ from: e.currentTarget.value })} w={150} />
        <TextInput label="To" type="date" value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} w={150} error={rangeError} />
        <Select label="Sort" data={SORTS} value={filters.sort} onChange={(v) => set({ sort: v ?? 'date,desc' })} allowDeselect={false} w={160} />
        {filtered ? (
          <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => set(NO_FILTERS)}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      {result.error && !rangeError ? <ErrorAlert error={result.error} title="Could not search visits" /> : null}
      <PagedTable
        total={result.data?.total}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        columns={searchColumns}
        data={result.data?.items ?? []}
        rowKey={(v) => v.id}
        rowTestId="visit-row"
        onOpen={(v) => navigate(`/visits/${v.id}`)}
        empty={
          result.data ? (
            <Empty
              icon={<IconListSearch size={24} />}
              title={filtered ? 'No visits match these filters' : 'No visits yet'}
              hint={filtered ? 'Widen the date range or clear a filter.' : 'Visits are started from a patient’s page with “New visit”.'}
            />
          ) : null
        }
      />
    </>
  );
}
