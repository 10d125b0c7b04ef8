import { Alert, Button, Code, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { call } from '../../api';
import type { AuditEvent } from '../../../shared/types';
import { useFormat, type Formatter } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { useApiQuery } from '../../lib/apiQuery';
import type { Columns } from '../../ui/DataTable';
import { PagedTable } from '../../ui/PagedTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { actionWords, auditDetail, entityWords } from './auditWords';

const PAGE_SIZE = 50;

function auditColumns(fmt: Formatter): Columns<AuditEvent> {
  return [
    { id: 'seq', header: () => <div className="num">#</div>, cell: ({ row }) => <div className="num">{row.original.seq}</div> },
    { id: 'at', header: 'When', cell: ({ row }) => <Text fz={14} style={{ whiteSpace: 'nowrap' }}>{fmt.instant(row.original.at)}</Text> },
    {
      id: 'who',
      header: 'Who, where',
      cell: ({ row }) => (
        <>
          <Text fz={14} style={{ whiteSpace: 'nowrap' }}>
            {row.original.userName ?? 'System'}
          </Text>
          <Text fz={12} c="dimmed">
            {row.original.workstation}
          </Text>
        </>
      ),
    },
    {
      id: 'what',
      header: 'What',
      cell: ({ row }) => {
        const e = row.original;
        const detail = auditDetail(e, fmt);
        return (
          <Text fz={14} data-testid="audit-what">
            <Text span fz={14} fw={600}>
              {actionWords(e.action)}
            </Text>{' '}
            <Text span fz={14} c="dimmed">
              · {entityWords(e.entity)}
            </Text>
            {detail ? (
              <Text span fz={14}>
                {' '}
                · {detail}
              </Text>
            ) : null}
          </Text>
        );
      },
    },
    { id: 'hash', header: 'Hash', cell: ({ row }) => <Code fz={11}>{row.original.hash.slice(0, 10)}</Code> },
  ];
}

export function AuditScreen() {
  const [page, setPage] = useState(1);
  const fmt = useFormat();
  const columns = useMemo(() => auditColumns(fmt), [fmt]);
  const events = useApiQuery('audit.list', { page, size: PAGE_SIZE }, { keepPrevious: true });
  // Asked for on demand and changes nothing: a mutation for its state, with nothing to invalidate.
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}), onError: notifyError });
  const verification = verify.data ?? null;

  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Every change, who made it and where. Each entry is chained to the one before, so tampering shows."
        actions={
          <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => verify.mutate()} loading={verify.isPending}>
            Verify chain
          </Button>
        }
      />
      {verification ? (
        verification.ok ? (
          <Alert color="green" variant="light" icon={<IconShieldCheck size={18} />} mb="md" data-testid="audit-verification" title="The audit chain is intact">
            Checked {verification.checked} entries.
          </Alert>
        ) : (
          <Alert color="red" variant="light" icon={<IconShieldX size={18} />} mb="md" data-testid="audit-verification" title="The audit chain is broken">
            Entry #{verification.brokenAt} does not match the entries before it. Checked {verification.checked} entries. Keep a copy of the database file as it is now, and find out what changed it before anyone makes further changes.
          </Alert>
        )
      ) : null}
      {events.error ? <ErrorAlert error={events.error} /> : null}
      <PagedTable
        total={events.data?.total}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        columns={columns} data={events.data?.items ?? []} rowKey={(e) => String(e.seq)} rowTestId="audit-row"
      />
    </>
  );
}
