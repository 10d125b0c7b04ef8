import { Alert, Button, Code, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api';
import type { AuditEvent } from '../../../shared/types';
import { formatTimestamp } from '../../lib/dates';
import { notifyError } from '../../lib/notify';
import { useApiQuery } from '../../lib/apiQuery';
import type { Columns } from '../../ui/DataTable';
import { PagedTable } from '../../ui/PagedTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';

const PAGE_SIZE = 50;

const columns: Columns<AuditEvent> = [
  { id: 'seq', header: () => <div className="num">#</div>, cell: ({ row }) => <div className="num">{row.original.seq}</div> },
  { id: 'at', header: 'When', cell: ({ row }) => formatTimestamp(row.original.at) },
  { id: 'who', header: 'Who', cell: ({ row }) => row.original.userName ?? 'System' },
  { id: 'where', header: 'Workstation', cell: ({ row }) => row.original.workstation },
  { id: 'what', header: 'What', cell: ({ row }) => <Text fz={14}>{row.original.entity} <Text span fz={14} fw={600}>{row.original.action}</Text></Text> },
  { id: 'hash', header: 'Hash', cell: ({ row }) => <Code fz={11}>{row.original.hash.slice(0, 12)}</Code> },
];

export function AuditScreen() {
  const [page, setPage] = useState(1);
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
            Entry #{verification.brokenAt} does not match the entries before it. Checked {verification.checked} entries. Contact your administrator before making further changes.
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
