import type { Transaction } from 'kysely';
import type { Actor, Queryable } from '../context';
import type { HistoryEntry } from '../../../shared/types';
import type { AuditEventRow, DB } from '../db/schema';
import { chainHash, GENESIS } from './chain';

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  /** The patient whose chart the change touches; an archived one refuses the change. */
  patientId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event. It takes a transaction, never the bare database: the
 * change and its record commit or fail together, and reading the previous
 * hash and appending the next cannot be split by another writer (the unique
 * (tenant_id, prev_hash) index refuses a fork should that ever happen).
 */
export async function appendAuditEvent(
  trx: Transaction<DB>,
  actor: Actor,
  at: string,
  id: string,
  entry: AuditEntry,
): Promise<void> {
  const last = await trx
    .selectFrom('audit_events')
    .select(['hash', 'chain_index'])
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('chain_index', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    id,
    tenant_id: actor.tenantId,
    at,
    user_id: actor.userId,
    workstation: actor.workstation,
    patient_id: entry.patientId ?? null,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  await trx
    .insertInto('audit_events')
    .values({
      ...row,
      prev_hash: prevHash,
      hash: chainHash(prevHash, row),
      chain_index: (last?.chain_index ?? 0) + 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export interface AuditFilter {
  tenantId: string;
  entityId?: string | undefined;
  patientId?: string | undefined;
}

const unfiltered = (f: AuditFilter) => !f.entityId && !f.patientId;

function filtered(db: Queryable, f: AuditFilter) {
  let q = db.selectFrom('audit_events as a').where('a.tenant_id', '=', f.tenantId);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.patientId) q = q.where('a.patient_id', '=', f.patientId);
  return q;
}

/** The whole practice's count is its last event's place in the chain: no scan of millions of rows. */
export async function countAuditEvents(db: Queryable, f: AuditFilter): Promise<number> {
  if (unfiltered(f)) {
    const last = await db
      .selectFrom('audit_events')
      .select('chain_index')
      .where('tenant_id', '=', f.tenantId)
      .orderBy('chain_index', 'desc')
      .limit(1)
      .executeTakeFirst();
    return last?.chain_index ?? 0;
  }
  const { total } = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return Number(total);
}

/**
 * Newest first. Unfiltered, a page is a range of chain places (the events
 * with place total - offset and below), so page 10,000 costs what page 1 does.
 */
export function listAuditEvents(db: Queryable, f: AuditFilter, page: { limit: number; offset: number; total: number }) {
  let q = filtered(db, f)
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select('u.display_name as user_name');
  q = unfiltered(f)
    ? q.where('a.chain_index', '<=', page.total - page.offset).orderBy('a.chain_index', 'desc')
    : q.orderBy('a.seq', 'desc').offset(page.offset);
  return q.limit(page.limit).execute() as Promise<(AuditEventRow & { user_name: string | null })[]>;
}

/** A record's own events, oldest first: its detail view's "who did what and when". */
export async function listEntityHistory(db: Queryable, tenantId: string, entityId: string, limit = 500): Promise<HistoryEntry[]> {
  const rows = await filtered(db, { tenantId, entityId })
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.seq', 'a.at', 'a.workstation', 'a.entity', 'a.action', 'a.before_json', 'a.after_json', 'u.display_name as user_name'])
    .orderBy('a.seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    userName: r.user_name,
    workstation: r.workstation,
    entity: r.entity,
    action: r.action,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}
