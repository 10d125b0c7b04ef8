import { createHash } from 'node:crypto';
import type { AuditVerification } from '../../../shared/types';
import type { Sqlite } from '../db/connection';
import type { AuditEventRow } from '../db/schema';

export const GENESIS = '0'.repeat(64);

type Hashed = Omit<AuditEventRow, 'seq' | 'hash' | 'prev_hash' | 'created_at' | 'updated_at'>;

/** The hash of one event: its content and its predecessor's hash. */
export function chainHash(prevHash: string, e: Hashed): string {
  const body = JSON.stringify([
    prevHash, e.id, e.tenant_id, e.at, e.user_id, e.workstation, e.patient_id,
    e.entity, e.entity_id, e.action, e.before_json, e.after_json,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Recomputes a tenant's chain; the first event that does not match is
 * reported. Reads every event, so it runs in the read-only worker.
 */
export function verifyChain(db: Sqlite, tenantId: string): AuditVerification {
  const rows = db.prepare('SELECT * FROM audit_events WHERE tenant_id = ? ORDER BY seq').iterate(tenantId) as IterableIterator<AuditEventRow>;
  let prev = GENESIS;
  let checked = 0;
  for (const row of rows) {
    checked++;
    if (row.prev_hash !== prev || chainHash(prev, row) !== row.hash) return { checked, ok: false, brokenAt: row.seq };
    prev = row.hash;
  }
  return { checked, ok: true, brokenAt: null };
}
