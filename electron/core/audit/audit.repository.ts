import type { Transaction } from 'kysely';
import type { Actor, Queryable } from '../context';
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
    .select('hash')
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('seq', 'desc')
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
    .values({ ...row, prev_hash: prevHash, hash: chainHash(prevHash, row), created_at: at, updated_at: at })
    .execute();
}

export interface AuditFilter {
  tenantId: string;
  entityId?: string | undefined;
  patientId?: string | undefined;
}

function filtered(db: Queryable, f: AuditFilter) {
  let q = db.selectFrom('audit_events as a').where('a.tenant_id', '=', f.tenantId);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.patientId) q = q.where('a.patient_id', '=', f.patientId);
  return q;
}

export async function countAuditEvents(db: Queryable, f: AuditFilter): Promise<number> {
  const { total } = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return Number(total);
}

export function listAuditEvents(db: Queryable, f: AuditFilter, page: { limit: number; offset: number }) {
  return filtered(db, f)
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select('u.display_name as user_name')
    .orderBy('a.seq', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute() as Promise<(AuditEventRow & { user_name: string | null })[]>;
}
