import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconCalendarOff, IconInfoCircle, IconUsersGroup } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { VISIT_STATUSES } from '../../../shared/domain/status';
import { todayIso } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { useApiQuery } from '../../lib/apiQuery';
import { DataTable } from '../../ui/DataTable';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StatusBadge';
import { OverdueLabs } from '../labs/OverdueLabs';
import { useSession } from '../session/session.store';
import { todayColumns } from '../visits/visitColumns';

/** One screenful of a busy day; the Visits screen pages through the rest. */
const TODAY_LIMIT = 200;

export function TodayScreen() {
  const [, navigate] = useLocation();
  const name = useSession((s) => s.user?.displayName ?? '');
  const format = useFormat();
  const today = todayIso();
  const visits = useApiQuery('visits.search', { from: today, to: today, size: TODAY_LIMIT, sort: 'date,asc' });
  const total = visits.data?.total ?? 0;
  const items = useMemo(
    () => [...(visits.data?.items ?? [])].sort((a, b) => (a.time ?? '99:99').localeCompare(b.time ?? '99:99')),
    [visits.data],
  );
  const counts = VISIT_STATUSES.map((s) => ({ status: s, n: items.filter((v) => v.status === s).length }));

  return (
    <>
      <PageHeader title="Today" subtitle={`${format.longDate(today)}${name ? ` · Signed in as ${name}` : ''}`} />
      <OverdueLabs />
      {visits.error ? <ErrorAlert error={visits.error} /> : null}
      {total > items.length ? (
        <Alert color="blue" variant="light" mb="md" icon={<IconInfoCircle size={18} />} data-testid="today-more">
          Showing the first {items.length} of {total} visits today.{' '}
          <Anchor component={Link} href="/visits">
            Search all of today’s visits
          </Anchor>{' '}
          to filter by provider or status.
        </Alert>
      ) : null}
      {items.length > 0 ? (
        <SimpleGrid cols={4} mb="md">
          {counts.map(({ status, n }) => (
            <Paper key={status} withBorder p="sm" radius="md">
              <Group justify="space-between">
                <StatusBadge status={status} />
                <Text fw={700} fz={20} className="num">
                  {n}
                </Text>
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
      <Paper withBorder radius="md">
        <DataTable
          columns={todayColumns}
          data={items}
          rowKey={(v) => v.id}
          rowTestId="visit-row"
          onOpen={(v) => navigate(`/visits/${v.id}`)}
          empty={
            visits.data ? (
              <Empty
                icon={<IconCalendarOff size={24} />}
                title="No visits today yet"
                hint="Find the patient in Patients and start a visit with “New visit”. It will show here."
                action={
                  <Button variant="light" mt="sm" leftSection={<IconUsersGroup size={16} />} onClick={() => navigate('/patients')}>
                    Go to Patients
                  </Button>
                }
              />
            ) : null
          }
        />
      </Paper>
    </>
  );
}
