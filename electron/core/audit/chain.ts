import { createHash } from 'node:crypto';
import type { AuditVerification } from '../../../shared/types';
import type { AuditEventRow } from '../db/schema';
import type { JobContext } from '../worker/job-context';

export const GENESIS = '0'.repeat(64);

type Hashed = Omit<AuditEventRow, 'seq' | 'hash' | 'prev_hash' | 'chain_index' | 'created_at' | 'updated_at'>;

/** The hash of one event: its content and its predecessor's hash. */
export function chainHash(prevHash: string, e: Hashed): string {
  const body = JSON.stringify([
    prevHash, e.id, e.tenant_id, e.at, e.user_id, e.workstation, e.patient_id,
    e.entity, e.entity_id, e.action, e.before_json, e.after_json,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Recomputes a practice's chain; the first event that does not match is
 * reported. Reads every event, so it runs in a job worker, streaming rows
 * and reporting progress.
 */
export function verifyChain(ctx: JobContext, tenantId: string): AuditVerification {
  const count = ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).compile();
  const total = Number((ctx.sqlite.prepare(count.sql).get(...count.parameters) as { n: number }).n);
  const events = ctx.db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').compile();
  let prev = GENESIS;
  let checked = 0;
  for (const row of ctx.sqlite.prepare(events.sql).iterate(...events.parameters) as IterableIterator<AuditEventRow>) {
    checked++;
    const broken = row.prev_hash !== prev || row.chain_index !== checked || chainHash(prev, row) !== row.hash;
    if (broken) return { checked, ok: false, brokenAt: row.seq };
    prev = row.hash;
    if (checked % 2000 === 0) {
      ctx.checkCancelled();
      ctx.progress(checked, total);
    }
  }
  ctx.progress(checked, total);
  return { checked, ok: true, brokenAt: null };
}
