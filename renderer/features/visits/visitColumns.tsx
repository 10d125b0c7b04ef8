import { Text } from '@mantine/core';
import type { VisitSummary } from '../../../shared/types';
import { useFormat } from '../../lib/format';
import type { Columns } from '../../ui/DataTable';
import { StatusBadge } from '../../ui/StatusBadge';

type Col = Columns<VisitSummary>[number];

// Cells are components so each reads the practice's formats (lib/format.ts): the columns stay constants.
/** The day, and the time under it: one column, so the list fits a laptop screen beside the navigation. */
function VisitWhen({ v }: { v: VisitSummary }) {
  const format = useFormat();
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <Text fz={14} className="num" ta="left">
        {format.date(v.date)}
      </Text>
      <Text fz={12} c="dimmed" className="num" ta="left">
        {v.time ? format.time(v.time) : 'No time set'}
      </Text>
    </div>
  );
}
function VisitTime({ v }: { v: VisitSummary }) {
  const format = useFormat();
  return (
    <Text fz={14} className="num" ta="left" style={{ whiteSpace: 'nowrap' }}>
      {v.time ? format.time(v.time) : '—'}
    </Text>
  );
}
function VisitPatient({ v }: { v: VisitSummary }) {
  const format = useFormat();
  return (
    <div>
      <Text fz={14} fw={500}>
        {format.name({ firstName: v.patientFirstName, lastName: v.patientLastName })}
      </Text>
      <Text fz={12} c="dimmed" ff="monospace">
        {v.chartNumber}
      </Text>
    </div>
  );
}
function VisitTotal({ v }: { v: VisitSummary }) {
  return <div className="num">{useFormat().money(v.totalCost, v.currency)}</div>;
}

const when: Col = { id: 'date', header: 'Date', cell: ({ row }) => <VisitWhen v={row.original} /> };
const time: Col = { id: 'time', header: 'Time', cell: ({ row }) => <VisitTime v={row.original} /> };
const patient: Col = { id: 'patient', header: 'Patient', cell: ({ row }) => <VisitPatient v={row.original} /> };
const provider: Col = { id: 'provider', header: 'Provider', cell: ({ row }) => row.original.providerName };
const status: Col = { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} /> };
const count: Col = { id: 'procedures', header: () => <div className="num">Procedures</div>, cell: ({ row }) => <div className="num">{row.original.procedureCount}</div> };
const total: Col = { id: 'total', header: () => <div className="num">Total</div>, cell: ({ row }) => <VisitTotal v={row.original} /> };

export const todayColumns: Columns<VisitSummary> = [time, patient, provider, status, count, total];
export const searchColumns: Columns<VisitSummary> = [when, patient, provider, status, count, total];
