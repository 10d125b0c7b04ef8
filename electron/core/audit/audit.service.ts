import type { AuditEvent, AuditVerification, Page } from '../../../shared/types';
import type { Transaction } from 'kysely';
import type { AuthedContext, CallContext } from '../context';
import type { DB } from '../db/schema';
import { runInWorker } from '../worker/run-in-worker';
import { chainHash, GENESIS } from './chain';

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
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
export async function recordAudit(
  trx: Transaction<DB>,
  ctx: CallContext,
  tenantId: string,
  entry: AuditEntry,
): Promise<void> {
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    id: ctx.core.newId(),
    tenant_id: tenantId,
    at: ctx.core.now().toISOString(),
    user_id: ctx.session?.userId ?? null,
    workstation: ctx.workstation,
    patient_id: entry.patientId ?? null,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  await trx
    .insertInto('audit_events')
    .values({ ...row, prev_hash: prevHash, hash: chainHash(prevHash, row) })
    .execute();
}

export async function listAudit(
  ctx: AuthedContext,
  input: { entityId?: string | undefined; patientId?: string | undefined; page: number; size: number },
): Promise<Page<AuditEvent>> {
  let q = ctx.core.db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .where('a.tenant_id', '=', ctx.session.tenantId);
  if (input.entityId) q = q.where('a.entity_id', '=', input.entityId);
  if (input.patientId) q = q.where('a.patient_id', '=', input.patientId);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('a')
    .select('u.display_name as user_name')
    .orderBy('a.seq', 'desc')
    .limit(input.size)
    .offset((input.page - 1) * input.size)
    .execute();
  return {
    total,
    page: input.page,
    size: input.size,
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      userName: r.user_name,
      workstation: r.workstation,
      patientId: r.patient_id,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      hash: r.hash,
    })),
  };
}

/** Recomputes the tenant's whole chain in the read-only worker: it reads every event. */
export function verifyAudit(ctx: AuthedContext): Promise<AuditVerification> {
  return runInWorker<AuditVerification>({
    file: ctx.core.file,
    ...(ctx.core.nativeBinding ? { nativeBinding: ctx.core.nativeBinding } : {}),
    kind: 'auditVerify',
    tenantId: ctx.session.tenantId,
  });
}
