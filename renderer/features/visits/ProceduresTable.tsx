import { Anchor, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowBackUp, IconLock, IconNote } from '@tabler/icons-react';
import { useMemo, type MouseEvent, type ReactNode } from 'react';
import { allowedNextStatuses, type ProcedureStatus } from '../../../shared/domain/status';
import { AREA_NAMES, surfacesToText } from '../../../shared/domain/teeth';
import type { Procedure } from '../../../shared/types';
import { type Formatter, useFormat } from '../../lib/format';
import { DataTable, type Columns } from '../../ui/DataTable';
import { StatusBadge } from '../../ui/StatusBadge';
import { TRANSITION_LABELS } from '../../ui/status';

/** Steps the procedure takes only through its lab case: the row opens the details, where the case is. */
const LAB_STEPS = new Set<ProcedureStatus>(['SENT_TO_LAB', 'RECEIVED']);

export interface ProcedureActions {
  onStatus: (p: Procedure, to: ProcedureStatus) => void;
  onEdit: (p: Procedure) => void;
  onRemove: (p: Procedure) => void;
  /** Opens the procedure's detail view: every row, every role. */
  onDetails: (p: Procedure) => void;
  busyId: string | null;
  canRemove: boolean;
  canEdit: boolean;
}

/** A click on a control in a row is that control's, not the row's (which opens the details). */
const own = (e: MouseEvent) => e.stopPropagation();

/** Tooth and surfaces ("19 MO") or an area ("UR"): a procedure has one or the other, or neither. */
function Site({ p }: { p: Procedure }): ReactNode {
  if (p.toothNumber) {
    return (
      <Text span fz="inherit" style={{ whiteSpace: 'nowrap' }}>
        {p.toothNumber}
        {p.surfaces.length ? ` ${surfacesToText(p.surfaces)}` : ''}
      </Text>
    );
  }
  return p.area ? (
    <Text span fz="inherit" title={AREA_NAMES[p.area]}>
      {p.area}
    </Text>
  ) : null;
}

/**
 * Wide: a column each for site, quantity, fee and who performed it. Compact
 * (a laptop screen): site and performer under the description, quantity and
 * fee under the line total, so the next step stays in view without scrolling
 * the table sideways.
 */
function buildColumns(currency: string, format: Formatter, byId: Map<string, Procedure>, a: ProcedureActions, wide: boolean): Columns<Procedure> {
  const money = (minor: number) => format.money(minor, currency);
  const columns: (Columns<Procedure>[number] | null)[] = [
    {
      id: 'code',
      header: 'Code',
      cell: ({ row }) => (
        <Group gap={4} wrap="nowrap">
          <Anchor
            component="button"
            type="button"
            ff="monospace"
            fz={13}
            fw={600}
            title="Show details and history"
            className="procedure-code"
            aria-label={`${row.original.code} details`}
            onClick={(e: MouseEvent) => {
              own(e);
              a.onDetails(row.original);
            }}
          >
            {row.original.code}
          </Anchor>
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
        const p = row.original;
        const original = p.correctsProcedureId ? byId.get(p.correctsProcedureId) : undefined;
        return (
          // The column the eye reads: it gets the room, not the badges beside it.
          <div style={{ minWidth: wide ? 160 : 170 }}>
            <Text fz={14} td={p.status === 'CANCELLED' ? 'line-through' : undefined}>
              {p.name}
            </Text>
            {p.correctsProcedureId ? (
              <Group gap={4} c="dimmed" wrap="nowrap">
                <IconArrowBackUp size={12} />
                <Text fz={12}>Corrects {original ? `${original.code} ${original.name}` : 'an earlier procedure'}</Text>
              </Group>
            ) : null}
            {!wide && (p.toothNumber || p.area || p.performedByName) ? (
              <Text fz={12} c="dimmed">
                {p.toothNumber ? 'Tooth ' : ''}
                <Site p={p} />
                {(p.toothNumber || p.area) && p.performedByName ? ' · ' : ''}
                {p.performedByName ?? ''}
              </Text>
            ) : null}
            {p.notes ? (
              // A hint only: the whole note is in the details.
              <Group gap={4} c="dimmed" wrap="nowrap" title={p.notes} data-testid="procedure-notes-hint">
                <IconNote size={12} style={{ flexShrink: 0 }} aria-label="Notes" />
                <Text fz={12} lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                  {p.notes}
                </Text>
              </Group>
            ) : null}
          </div>
        );
      },
    },
    wide ? { id: 'site', header: 'Site', cell: ({ row }) => <Text fz={14}><Site p={row.original} /></Text> } : null,
    wide ? { id: 'qty', header: () => <div className="num">Qty</div>, cell: ({ row }) => <div className="num">{row.original.quantity}</div> } : null,
    wide ? { id: 'fee', header: () => <div className="num">Fee</div>, cell: ({ row }) => <div className="num">{money(row.original.unitFee)}</div> } : null,
    {
      id: 'lineTotal',
      header: () => <div className="num">Line total</div>,
      cell: ({ row }) => {
        const p = row.original;
        const amount = money(p.unitFee * p.quantity);
        // The visit's total leaves cancelled work out; so does the eye.
        const total =
          p.status === 'CANCELLED' ? (
            <Text fz={14} className="num" c="dimmed" td="line-through" title="Cancelled: not charged" data-testid="procedure-line-total">
              {amount}
            </Text>
          ) : (
            <div className="num" data-testid="procedure-line-total">
              {amount}
            </div>
          );
        if (wide || p.quantity === 1) return total;
        return (
          <div>
            {total}
            <Text fz={12} c="dimmed" className="num" style={{ whiteSpace: 'nowrap' }}>
              {p.quantity} × {money(p.unitFee)}
            </Text>
          </div>
        );
      },
    },
    { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} data-testid="procedure-status" /> },
    wide ? { id: 'by', header: 'Performed by', cell: ({ row }) => row.original.performedByName ?? '' } : null,
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const p = row.original;
        const busy = a.busyId === p.id;
        const next = a.canEdit ? allowedNextStatuses(p.status) : [];
        const finished = p.status === 'CANCELLED' || p.status === 'COMPLETED';
        return (
          // Next steps on top, housekeeping below: the obvious action is always first.
          <Stack gap={4} align="flex-end" onClick={own}>
            {next.some((s) => s !== 'CANCELLED') ? (
              // Wraps rather than pushing the table wider than the screen.
              <Group gap={4} justify="flex-end">
                {next
                  .filter((s) => s !== 'CANCELLED')
                  .map((s) => (
                    // Work goes to and comes back from the lab through its lab case, in the details.
                    <Button key={s} size="compact-sm" variant="light" onClick={() => (LAB_STEPS.has(s) ? a.onDetails(p) : a.onStatus(p, s))} disabled={busy}>
                      {TRANSITION_LABELS[s]}
                    </Button>
                  ))}
              </Group>
            ) : null}
            {/* On a narrow screen these wrap rather than push the next step out of view. */}
            <Group gap={2} wrap={wide ? 'nowrap' : 'wrap'} justify="flex-end">
              {/* Finished work may change only its notes; work on a claim not even those (it is corrected instead). */}
              {a.canEdit && !(finished && p.lockedByClaim) ? (
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => a.onEdit(p)} disabled={busy}>
                  {finished ? 'Edit notes' : 'Edit'}
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
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => a.onDetails(p)}>
                Details
              </Button>
            </Group>
          </Stack>
        );
      },
    },
  ];
  return columns.filter((c) => c !== null);
}

/** Wide enough for every column and the row's buttons beside the navigation, without scrolling the table sideways. */
const WIDE = '(min-width: 1440px)';

export function ProceduresTable({ procedures, currency, actions, empty }: { procedures: Procedure[]; currency: string; actions: ProcedureActions; empty: React.ReactNode }) {
  const format = useFormat();
  const byId = useMemo(() => new Map(procedures.map((p) => [p.id, p])), [procedures]);
  // Read at once, not after a first paint, so the table does not change shape as it appears.
  const wide = useMediaQuery(WIDE, false, { getInitialValueInEffect: false });
  const columns = useMemo(() => buildColumns(currency, format, byId, actions, wide), [currency, format, byId, actions, wide]);
  return <DataTable columns={columns} data={procedures} rowKey={(p) => p.id} rowTestId="procedure-row" onOpen={actions.onDetails} empty={empty} />;
}
