/**
 * The lab board: every case still in flight, in the column its dates put it
 * in today. Two index-backed reads cover it: cases not yet checked (partial
 * index idx_lab_cases_open) and checked ones whose procedure waits to be
 * seated (the few RECEIVED procedures, idx_procedures_received).
 */
import { BOARD_COLUMNS, boardColumn, daysOverdue } from '../../../shared/domain/lab-cases';
import type { LabBoard, LabBoardCard, LabBoardColumn } from '../../../shared/types';
import type { AuthedContext, Queryable } from '../context';
import { notFound } from '../errors';
import { findLab } from '../labs/labs.repository';
import { findUser } from '../users/users.repository';
import { labCaseQuery, toLabCase } from './lab-cases.repository';

export interface BoardFilters {
  labId?: string | null;
  providerId?: string | null;
}

/** Every case on the board, as cards with their column, in no particular order. */
export async function boardCards(db: Queryable, tenantId: string, today: string, filters: BoardFilters = {}) {
  const filtered = (q: ReturnType<typeof labCaseQuery>) => {
    let out = q;
    if (filters.labId) out = out.where('lc.lab_id', '=', filters.labId);
    if (filters.providerId) out = out.where('v.provider_id', '=', filters.providerId);
    return out;
  };
  const [open, checked] = await Promise.all([
    filtered(labCaseQuery(db, tenantId))
      .where('lc.cancelled_date', 'is', null)
      .where('lc.checked_date', 'is', null)
      .where('pr.status', 'not in', ['COMPLETED', 'CANCELLED'])
      .execute(),
    filtered(labCaseQuery(db, tenantId))
      .where('pr.tenant_id', '=', tenantId)
      .where('pr.status', '=', 'RECEIVED')
      .where('lc.cancelled_date', 'is', null)
      .where('lc.checked_date', 'is not', null)
      .execute(),
  ]);
  const cards: { column: LabBoardColumn; card: LabBoardCard }[] = [];
  for (const row of [...open, ...checked]) {
    const lc = toLabCase(row);
    const column = boardColumn(lc, lc.procedure.status, today);
    if (column) cards.push({ column, card: { ...lc, daysOverdue: daysOverdue(lc, today) } });
  }
  return cards;
}

/** Within a column, what needs attention first: the longest waiting, the most overdue. */
const ORDER: Record<LabBoardColumn, (c: LabBoardCard) => string> = {
  notSent: (c) => c.visitDate,
  atLab: (c) => c.dueDate ?? '',
  dueToday: (c) => c.sentDate ?? '',
  overdue: (c) => c.dueDate ?? '',
  awaitingCheck: (c) => c.receivedDate ?? '',
  readyToSeat: (c) => c.checkedDate ?? '',
};

export async function board(ctx: AuthedContext, input: BoardFilters & { limit: number }): Promise<LabBoard> {
  // A filter naming a lab or provider of no one here is a mistake to say, not an empty board.
  if (input.labId && !(await findLab(ctx.core.db, ctx.session.tenantId, input.labId))) throw notFound('Lab', 'labId');
  if (input.providerId && !(await findUser(ctx.core.db, ctx.session.tenantId, input.providerId))) throw notFound('Provider', 'providerId');
  const today = ctx.core.now().toISOString().slice(0, 10);
  const cards = await boardCards(ctx.core.db, ctx.session.tenantId, today, input);
  const columns = Object.fromEntries(BOARD_COLUMNS.map((k) => [k, { count: 0, cards: [] as LabBoardCard[] }])) as LabBoard['columns'];
  for (const { column, card } of cards) {
    columns[column].count++;
    columns[column].cards.push(card);
  }
  for (const k of BOARD_COLUMNS) {
    const key = ORDER[k];
    columns[k].cards = columns[k].cards.sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id)).slice(0, input.limit);
  }
  return { today, columns };
}
