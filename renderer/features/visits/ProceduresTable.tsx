import { Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconLock } from '@tabler/icons-react';
import { useMemo } from 'react';
import { allowedNextStatuses, type ProcedureStatus } from '../../../shared/domain/status';
import { AREA_NAMES, surfacesToText } from '../../../shared/domain/teeth';
import type { Procedure } from '../../../shared/types';
import { DataTable, type Columns } from '../../ui/DataTable';
import { formatMoney } from '../../../shared/domain/money';
import { StatusBadge } from '../../ui/StatusBadge';
import { TRANSITION_LABELS } from '../../ui/status';

export interface ProcedureActions {
  onStatus: (p: Procedure, to: ProcedureStatus) => void;
  onEdit: (p: Procedure) => void;
  onRemove: (p: Procedure) => void;
  busyId: string | null;
  canRemove: boolean;
  canEdit: boolean;
}

function buildColumns(currency: string, byId: Map<string, Procedure>, a: ProcedureActions): Columns<Procedure> {
  return [
    {
      id: 'code',
      header: 'Code',
      cell: ({ row }) => (
        <Group gap={4} wrap="nowrap">
          <Text ff="monospace" fz={13} fw={600}>
            {row.original.code}
          </Text>
          {row.original.lockedByClaim ? (
            <Tooltip label={`On claim ${row.original.lockedByClaim}: can only be corrected`}>
              <IconLock size={14} aria-label={`Locked by claim ${row.original.lockedByClaim}`} color="var(--mantine-color-gray-6)" />
            </Tooltip>
          ) : null}
        </Group>
      ),
    },
    {
      id: 'name',
      header: 'Description',
      cell: ({ row }) => {
        const original = row.original.correctsProcedureId ? byId.get(row.original.correctsProcedureId) : undefined;
        return (
          <div>
            <Text fz={14} td={row.original.status === 'CANCELLED' ? 'line-through' : undefined}>
              {row.original.name}
            </Text>
            {row.original.correctsProcedureId ? (
              <Group gap={4} c="dimmed" wrap="nowrap">
                <IconArrowBackUp size={12} />
                <Text fz={12}>Corrects {original ? `${original.code} ${original.name}` : 'an earlier procedure'}</Text>
              </Group>
            ) : null}
          </div>
        );
      },
    },
    {
      // Tooth and surfaces ("19 MO") or an area ("UR"): a procedure has one or the other,
      // and one column for both leaves room for the money and the next step.
      id: 'site',
      header: 'Site',
      cell: ({ row }) => {
        const p = row.original;
        if (p.toothNumber) {
          return (
            <Text fz={14} style={{ whiteSpace: 'nowrap' }}>
              {p.toothNumber}
              {p.surfaces.length ? ` ${surfacesToText(p.surfaces)}` : ''}
            </Text>
          );
        }
        return p.area ? (
          <Text fz={14} title={AREA_NAMES[p.area]}>
            {p.area}
          </Text>
        ) : null;
      },
    },
    { id: 'qty', header: () => <div className="num">Qty</div>, cell: ({ row }) => <div className="num">{row.original.quantity}</div> },
    {
      id: 'fee',
      header: () => <div className="num">Fee</div>,
      cell: ({ row }) => <div className="num">{formatMoney(row.original.unitFee, currency)}</div>,
    },
    {
      id: 'lineTotal',
      header: () => <div className="num">Line total</div>,
      cell: ({ row }) => {
        const p = row.original;
        const amount = formatMoney(p.unitFee * p.quantity, currency);
        // The visit's total leaves cancelled work out; so does the eye.
        return p.status === 'CANCELLED' ? (
          <Text fz={14} className="num" c="dimmed" td="line-through" title="Cancelled: not charged" data-testid="procedure-line-total">
            {amount}
          </Text>
        ) : (
          <div className="num" data-testid="procedure-line-total">
            {amount}
          </div>
        );
      },
    },
    { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} data-testid="procedure-status" /> },
    { id: 'by', header: 'Performed by', cell: ({ row }) => row.original.performedByName ?? '' },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const p = row.original;
        const busy = a.busyId === p.id;
        const next = a.canEdit ? allowedNextStatuses(p.status) : [];
        return (
          // Next steps on top, housekeeping below: the obvious action is always first.
          <Stack gap={4} align="flex-end">
            {next.some((s) => s !== 'CANCELLED') ? (
              // Wraps rather than pushing the table wider than the screen.
              <Group gap={4} justify="flex-end">
                {next
                  .filter((s) => s !== 'CANCELLED')
                  .map((s) => (
                    <Button key={s} size="compact-sm" variant="light" onClick={() => a.onStatus(p, s)} disabled={busy}>
                      {TRANSITION_LABELS[s]}
                    </Button>
                  ))}
              </Group>
            ) : null}
            <Group gap={2} wrap="nowrap">
              {a.canEdit && p.status !== 'CANCELLED' && p.status !== 'COMPLETED' ? (
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => a.onEdit(p)} disabled={busy}>
                  Edit
                </Button>
              ) : null}
              {next.includes('CANCELLED') ? (
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => a.onStatus(p, 'CANCELLED')} disabled={busy}>
                  {TRANSITION_LABELS.CANCELLED}
                </Button>
              ) : null}
              {a.canRemove && p.status === 'PLANNED' ? (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => a.onRemove(p)} disabled={busy}>
                  Remove
                </Button>
              ) : null}
            </Group>
          </Stack>
        );
      },
    },
  ];
}

export function ProceduresTable({ procedures, currency, actions, empty }: { procedures: Procedure[]; currency: string; actions: ProcedureActions; empty: React.ReactNode }) {
  const byId = useMemo(() => new Map(procedures.map((p) => [p.id, p])), [procedures]);
  const columns = useMemo(() => buildColumns(currency, byId, actions), [currency, byId, actions]);
  return <DataTable columns={columns} data={procedures} rowKey={(p) => p.id} rowTestId="procedure-row" empty={empty} />;
}
