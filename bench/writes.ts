/**
 * Writes per second through dispatch() (validation, session, the change's
 * transaction, its audit event) beside hand-written inserts of the same row
 * with its audit event (hash chained, one transaction each), and the bulk
 * import path beside raw inserts of the same rows and events in one
 * transaction. Runs on the working copy run.ts hands over.
 */
import { randomUUID } from 'node:crypto';
import { signIn } from '../electron/core/auth/auth.service';
import { chainHash, GENESIS } from '../electron/core/audit/chain';
import { BulkWriter } from '../electron/core/bulk/bulk-writer';
import { closeCore, createCore } from '../electron/core/create-core';
import { openSqlite } from '../electron/core/db/connection';
import { dispatch } from '../electron/core/handlers';
import { PASSWORD, TODAY } from './practice-generator';

const N = 300;
const BULK = 3_000;

export async function measureWrites(file: string, migrationsDir: string): Promise<[string, string][]> {
  const out: [string, string][] = [];
  const core = createCore({ file, migrationsDir, now: () => new Date(`${TODAY}T12:00:00Z`) });
  const { sessionToken } = await signIn({ core, session: null, workstation: 'bench' }, { username: 'admin', password: PASSWORD });
  const meta = { sessionToken, workstation: 'bench' };
  const one = <T>(sql: string) => core.sqlite.prepare(sql).get() as T;
  const { tenantId } = one<{ tenantId: string }>('SELECT id AS tenantId FROM tenants LIMIT 1');
  const { patientId } = one<{ patientId: string }>('SELECT id AS patientId FROM patients WHERE archived_at IS NULL LIMIT 1');
  const { providerId } = one<{ providerId: string }>("SELECT id AS providerId FROM users WHERE role = 'DENTIST' LIMIT 1");
  const { userId } = one<{ userId: string }>("SELECT id AS userId FROM users WHERE username = 'admin'");

  const created = await dispatch(core, 'visits.create', { patientId, providerId, date: TODAY, confirmSameDay: true }, meta);
  if (!created.ok) throw new Error(created.error.message);
  const visitId = (created.data as { id: string }).id;

  const rate = async (fn: (i: number) => unknown, n = N) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn(i);
    return n / ((performance.now() - t) / 1000);
  };
  const app = {
    'procedures.add': await rate(async () => {
      const r = await dispatch(core, 'procedures.add', { visitId, code: 'D2391', name: 'Resin', unitFee: 16_000, toothNumber: '3', surfaces: ['O'] }, meta);
      if (!r.ok) throw new Error(r.error.message);
    }),
    'patients.create': await rate(async (i) => {
      const r = await dispatch(core, 'patients.create', { firstName: 'Bench', lastName: `Writer${i}`, dateOfBirth: '1980-01-01' }, meta);
      if (!r.ok) throw new Error(r.error.message);
    }),
    'visits.create': await rate(async () => {
      const r = await dispatch(core, 'visits.create', { patientId, providerId, date: TODAY, confirmSameDay: true }, meta);
      if (!r.ok) throw new Error(r.error.message);
    }),
  };
  await closeCore(core);

  // The hand-written equivalent: the row and its chained audit event, one IMMEDIATE transaction per write.
  const db = openSqlite(file);
  const head = db.prepare('SELECT hash, chain_index FROM audit_events WHERE tenant_id = ? ORDER BY chain_index DESC LIMIT 1');
  const audit = db.prepare(
    `INSERT INTO audit_events (id, tenant_id, at, user_id, workstation, patient_id, entity, entity_id, action, before_json, after_json, prev_hash, hash, chain_index, created_at, updated_at)
     VALUES (@id, @tenant_id, @at, @user_id, @workstation, @patient_id, @entity, @entity_id, @action, @before_json, @after_json, @prev_hash, @hash, @chain_index, @at, @at)`,
  );
  const appendAudit = (entity: string, entityId: string, row: object) => {
    const last = head.get(tenantId) as { hash: string; chain_index: number } | undefined;
    const at = new Date().toISOString();
    const e = {
      id: randomUUID(), tenant_id: tenantId, at, user_id: userId, workstation: 'bench', patient_id: patientId, entity, entity_id: entityId,
      action: 'create', before_json: null, after_json: JSON.stringify(row),
    };
    const prev = last?.hash ?? GENESIS;
    audit.run({ ...e, prev_hash: prev, hash: chainHash(prev, e), chain_index: (last?.chain_index ?? 0) + 1 });
  };
  const insertProcedure = db.prepare(
    `INSERT INTO procedures (id, tenant_id, visit_id, code, name, tooth_number, surfaces, quantity, unit_fee, status, created_at, updated_at)
     VALUES (?, ?, ?, 'D2391', 'Resin', '3', 'O', 1, 16000, ?, ?, ?)`,
  );
  const insertPatient = db.prepare(
    `INSERT INTO patients (id, tenant_id, chart_number, first_name, last_name, date_of_birth, created_at, updated_at)
     VALUES (?, ?, ?, 'Bench', ?, '1980-01-01', ?, ?)`,
  );
  const insertVisit = db.prepare(
    'INSERT INTO visits (id, tenant_id, patient_id, provider_id, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const tx = (fn: () => void) => db.transaction(fn).immediate();
  const raw = {
    'procedures.add': await rate(() =>
      tx(() => {
        const id = randomUUID();
        const at = new Date().toISOString();
        insertProcedure.run(id, tenantId, visitId, 'PLANNED', at, at);
        appendAudit('procedure', id, { id, visitId });
      }),
    ),
    'patients.create': await rate((i) =>
      tx(() => {
        const id = randomUUID();
        const at = new Date().toISOString();
        insertPatient.run(id, tenantId, `R${i}-${id.slice(0, 6)}`, `Raw${i}`, at, at);
        appendAudit('patient', id, { id });
      }),
    ),
    'visits.create': await rate(() =>
      tx(() => {
        const id = randomUUID();
        const at = new Date().toISOString();
        insertVisit.run(id, tenantId, patientId, providerId, TODAY, at, at);
        appendAudit('visit', id, { id });
      }),
    ),
  };
  for (const k of Object.keys(app) as (keyof typeof app)[]) {
    out.push([`write: ${k} per second`, `${app[k].toFixed(0)}/s · raw with audit ${raw[k].toFixed(0)}/s · ×${(raw[k] / app[k]).toFixed(1)} slower`]);
  }

  // Bulk: completed procedures (a create and two status events each) through the bulk path, then by hand.
  const later = (i: number) => new Date(Date.parse(`${TODAY}T13:00:00Z`) + i).toISOString();
  const bulkRate = (() => {
    const w = new BulkWriter(db, { tenantId, userId, workstation: 'bench' }, { today: TODAY, newId: randomUUID });
    const t = performance.now();
    for (let i = 0; i < BULK; i++) {
      const at = later(i);
      w.procedure(
        { id: randomUUID(), visit_id: visitId, code: 'D2391', name: 'Resin', tooth_number: '3', surfaces: 'O', area: null, quantity: 1, unit_fee: 16_000, duration_minutes: 30, performed_by: providerId, notes: null },
        at,
        [{ to: 'IN_PROGRESS', at }, { to: 'COMPLETED', at }],
      );
    }
    w.flush();
    return BULK / ((performance.now() - t) / 1000);
  })();
  const rawBulkRate = (() => {
    const t = performance.now();
    db.transaction(() => {
      for (let i = 0; i < BULK; i++) {
        const id = randomUUID();
        const at = later(BULK + i);
        insertProcedure.run(id, tenantId, visitId, 'COMPLETED', at, at);
        appendAudit('procedure', id, {
          id, visitId, code: 'D2391', name: 'Resin', toothNumber: '3', surfaces: 'O', area: null, quantity: 1, unitFee: 16_000,
          durationMinutes: 30, performedBy: providerId, notes: null, status: 'PLANNED',
        });
        appendAudit('procedure', id, { status: 'IN_PROGRESS' });
        appendAudit('procedure', id, { status: 'COMPLETED' });
      }
    }).immediate();
    return BULK / ((performance.now() - t) / 1000);
  })();
  out.push([
    'bulk import: completed procedures (3 audit events each) per second',
    `${bulkRate.toFixed(0)}/s · raw ${rawBulkRate.toFixed(0)}/s · ×${(bulkRate / rawBulkRate).toFixed(2)} of raw`,
  ]);
  db.close();
  return out;
}
