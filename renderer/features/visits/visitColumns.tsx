import { Text } from '@mantine/core';
import type { VisitSummary } from '../../../shared/types';
import { formatDay } from '../../lib/dates';
import type { Columns } from '../../ui/DataTable';
import { formatMoney } from '../../../shared/domain/money';
import { StatusBadge } from '../../ui/StatusBadge';

type Col = Columns<VisitSummary>[number];

const date: Col = { id: 'date', header: 'Date', cell: ({ row }) => formatDay(row.original.date) };
const time: Col = { id: 'time', header: 'Time', cell: ({ row }) => <Text fz={14} className="num" ta="left">{row.original.time ?? '—'}</Text> };
const patient: Col = {
  id: 'patient',
  header: 'Patient',
  cell: ({ row }) => (
    <div>
      <Text fz={14} fw={500}>
        {row.original.patientName}
      </Text>
      <Text fz={12} c="dimmed" ff="monospace">
        {row.original.chartNumber}
      </Text>
    </div>
  ),
};
const provider: Col = { id: 'provider', header: 'Provider', cell: ({ row }) => row.original.providerName };
const status: Col = { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} /> };
const count: Col = { id: 'procedures', header: () => <div className="num">Procedures</div>, cell: ({ row }) => <div className="num">{row.original.procedureCount}</div> };
const total: Col = {
  id: 'total',
  header: () => <div className="num">Total</div>,
  cell: ({ row }) => <div className="num">{formatMoney(row.original.totalCost, row.original.currency)}</div>,
};

export const todayColumns: Columns<VisitSummary> = [time, patient, provider, status, count, total];
export const searchColumns: Columns<VisitSummary> = [date, time, patient, provider, status, count, total];
