/**
 * The lab board: every case still in flight, in the column its dates put it
 * in today. It is read in two steps so a board of thousands of cases (or the
 * home screen's overdue count) stays cheap: first the few columns that decide
 * each case's place, from two index-backed statements (cases not yet checked:
 * the partial index idx_lab_cases_open; checked ones waiting to be seated: the
 * few RECEIVED procedures, idx_procedures_received); then everything a card
 * shows, only for the cards each column shows.
 */
import { BOARD_COLUMNS, boardColumn, daysOverdue } from '../../../shared/domain/lab-cases';
import type { ProcedureStatus } from '../../../shared/domain/status';
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

function placeQueries(db: Queryable, tenantId: string, filters: BoardFilters) {
  const base = () => {
    let q = db
      .selectFrom('lab_cases as lc')
      .innerJoin('procedures as pr', 'pr.id', 'lc.procedure_id')
      .where('lc.tenant_id', '=', tenantId)
      .select(['lc.id', 'lc.sent_date', 'lc.due_date', 'lc.received_date', 'lc.checked_date', 'lc.cancelled_date', 'lc.created_at', 'pr.status']);
    if (filters.labId) q = q.where('lc.lab_id', '=', filters.labId);
    if (filters.providerId) {
      const providerId = filters.providerId;
      q = q.where((eb) => eb.exists(eb.selectFrom('visits as v').select('v.id').whereRef('v.id', '=', 'pr.visit_id').where('v.provider_id', '=', providerId)));
    }
    return q;
  };
  return [
    base().where('lc.cancelled_date', 'is', null).where('lc.checked_date', 'is', null).where('pr.status', 'not in', ['COMPLETED', 'CANCELLED']),
    base().where('pr.tenant_id', '=', tenantId).where('pr.status', '=', 'RECEIVED').where('lc.cancelled_date', 'is', null).where('lc.checked_date', 'is not', null),
  ] as const;
}

/** The statements that place cases on the board, as SQL, for the benchmark to run raw beside the service. */
export function boardStatements(db: Queryable, tenantId: string, filters: BoardFilters) {
  return placeQueries(db, tenantId, filters).map((q) => q.compile());
}

export interface BoardPlace {
  id: string;
  column: LabBoardColumn;
  dueDate: string | null;
  sentDate: string | null;
  receivedDate: string | null;
  checkedDate: string | null;
  cancelledDate: string | null;
  createdAt: string;
  procedureStatus: ProcedureStatus;
}

/** Where every case in flight stands today, without what its card shows. */
export async function boardPlaces(db: Queryable, tenantId: string, today: string, filters: BoardFilters = {}): Promise<BoardPlace[]> {
  const [open, checked] = await Promise.all(placeQueries(db, tenantId, filters).map((q) => q.execute()));
  const places: BoardPlace[] = [];
  for (const r of [...open!, ...checked!]) {
    const dates = { sentDate: r.sent_date, dueDate: r.due_date, receivedDate: r.received_date, checkedDate: r.checked_date, cancelledDate: r.cancelled_date };
    const procedureStatus = r.status as ProcedureStatus;
    const column = boardColumn(dates, procedureStatus, today);
    if (column) places.push({ id: r.id, column, ...dates, createdAt: r.created_at, procedureStatus });
  }
  return places;
}

/** The full cases for some places, by id. */
export async function casesFor(db: Queryable, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, ReturnType<typeof toLabCase>>();
  const rows = await labCaseQuery(db, tenantId).where('lc.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toLabCase(r)]));
}

/** Within a column, what needs attention first: the longest waiting, the most overdue. */
const ORDER: Record<LabBoardColumn, (p: BoardPlace) => string> = {
  notSent: (p) => p.createdAt,
  atLab: (p) => p.dueDate ?? '',
  dueToday: (p) => p.sentDate ?? '',
  overdue: (p) => p.dueDate ?? '',
  awaitingCheck: (p) => p.receivedDate ?? '',
  readyToSeat: (p) => p.checkedDate ?? '',
};

export async function board(ctx: AuthedContext, input: BoardFilters & { limit: number }): Promise<LabBoard> {
  const { db } = ctx.core;
  const tenantId = ctx.session.tenantId;
  // A filter naming a lab or provider of no one here is a mistake to say, not an empty board.
  if (input.labId && !(await findLab(db, tenantId, input.labId))) throw notFound('Lab', 'labId');
  if (input.providerId && !(await findUser(db, tenantId, input.providerId))) throw notFound('Provider', 'providerId');
  const today = ctx.core.now().toISOString().slice(0, 10);
  const byColumn = new Map<LabBoardColumn, BoardPlace[]>(BOARD_COLUMNS.map((k) => [k, []]));
  for (const place of await boardPlaces(db, tenantId, today, input)) byColumn.get(place.column)!.push(place);
  const shown = new Map<LabBoardColumn, BoardPlace[]>();
  for (const [column, places] of byColumn) {
    const key = ORDER[column];
    shown.set(column, places.sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id)).slice(0, input.limit));
  }
  const cases = await casesFor(db, tenantId, [...shown.values()].flat().map((p) => p.id));
  const columns = Object.fromEntries(
    BOARD_COLUMNS.map((column) => {
      const cards: LabBoardCard[] = shown.get(column)!.map((p) => {
        const lc = cases.get(p.id)!;
        return { ...lc, daysOverdue: daysOverdue(lc, today) };
      });
      return [column, { count: byColumn.get(column)!.length, cards }];
    }),
  ) as LabBoard['columns'];
  return { today, columns };
}
