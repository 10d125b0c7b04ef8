/**
 * The hot queries must not depend on luck: each uses its intended index on a
 * file without planner statistics (a practice's file before the app first
 * gathers them) and with the statistics the app gathers (`PRAGMA optimize`
 * at open) on one year and on ten years of a generated practice (sizes S and
 * M, fixtures/stat1-*.json; regenerate with bench/capture-statistics.ts).
 * The SQL is captured from the repositories themselves, so a change to a
 * query is checked here as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEvents, listAuditEvents } from '../../electron/core/audit/audit.repository';
import type { DB } from '../../electron/core/db/schema';
import { findPatient, searchPatients } from '../../electron/core/patients/patients.repository';
import { listVisitProcedures } from '../../electron/core/procedures/procedures.repository';
import { findVisitSummary, listVisitSummaries } from '../../electron/core/visits/visits.repository';
import { clinic } from './clinic';
import { createTestApp, type TestApp } from './harness';

type Stat1 = { tbl: string; idx: string | null; stat: string }[];
const statistics = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, `fixtures/stat1-${name}.json`), 'utf8')) as Stat1;
const GATHERED: Record<Exclude<Statistics, 'none'>, Stat1> = { 'one year': statistics('one-year'), 'ten years': statistics('ten-years') };

let app: TestApp;
let ids: { tenant: string; patient: string; visit: string; provider: string };

beforeAll(async () => {
  app = createTestApp();
  const c = await clinic(app);
  await c.add();
  const tenant = (app.core.sqlite.prepare('SELECT id FROM tenants').pluck().get() as string);
  ids = { tenant, patient: c.patient.id, visit: c.visit.id, provider: c.providerId };
});
afterAll(() => app.close());

type Statistics = 'none' | 'one year' | 'ten years';

function useStatistics(kind: Statistics) {
  const db = app.core.sqlite;
  db.exec('ANALYZE'); // creates sqlite_stat1 if missing; its rows are replaced below
  db.exec('DELETE FROM sqlite_stat1');
  if (kind !== 'none') {
    const insert = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
    for (const r of GATHERED[kind]) insert.run(r.tbl, r.idx, r.stat);
  }
  // Makes every connection's planner reread sqlite_stat1.
  db.exec('ANALYZE sqlite_schema');
}

/** Runs `fn` against a logging Kysely on the app's connection and returns each query's plan. */
async function plansOf(fn: (db: Kysely<DB>) => Promise<unknown>): Promise<string[]> {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: app.core.sqlite }),
    log: (e) => {
      if (e.level === 'query') queries.push(e.query);
    },
  });
  await fn(db);
  return queries.map((q) =>
    (app.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | '),
  );
}

/** Every part of the search box starts from its own index: chart number, last name, first name (and phone digits). */
const nameParts = /autoindex_patients_2 \(tenant_id=\? AND chart_number=\?\).*idx_patients_tenant_name \(tenant_id=\? AND last_name>\? AND last_name<\?\).*idx_patients_tenant_first \(tenant_id=\? AND first_name>\? AND first_name<\?\).*SEARCH p USING INDEX sqlite_autoindex_patients_1 \(id=\?\)/;
const digitParts = new RegExp(`${nameParts.source.replace('.*SEARCH p USING', '.*COVERING INDEX idx_patients_tenant_phone \\(tenant_id=\\?\\).*SEARCH p USING')}`);
const kept = /SEARCH visit_counts USING PRIMARY KEY \(tenant_id=\?/;
/** The practice writes dates month first; two-digit years are read against 2026. */
const searchDefaults = { dateOrder: 'MDY' as const, todayYear: 2026 };
const page = (sort: { field: 'date' | 'totalCost' | 'procedureCount' | 'createdAt'; dir: 'asc' | 'desc' } = { field: 'date', dir: 'desc' }) => ({ page: 1, size: 25, sort });

/** [what, query, the index each of its statements must use] */
const HOT: [string, (db: Kysely<DB>) => Promise<unknown>, RegExp[]][] = [
  ['visit page: the visit', (db) => findVisitSummary(db, ids.tenant, ids.visit), [/SEARCH v USING (COVERING )?INDEX sqlite_autoindex_visits_1 \(id=\?\)/]],
  ['visit page: its procedures', (db) => listVisitProcedures(db, ids.tenant, ids.visit), [/SEARCH pr USING INDEX idx_procedures_visit_id \(visit_id=\? AND tenant_id=\?\)/]],
  ['patient timeline', (db) => listVisitSummaries(db, ids.tenant, { patientId: ids.patient }, page()), [/idx_visits_patient_date \(patient_id=\? AND tenant_id=\?\)/, /idx_visits_patient_date \(patient_id=\? AND tenant_id=\?\)/]],
  ['visit search, newest first', (db) => listVisitSummaries(db, ids.tenant, {}, page()), [kept, /SEARCH v USING COVERING INDEX idx_visits_tenant_date \(tenant_id=\?\)/]],
  ['visit search by status', (db) => listVisitSummaries(db, ids.tenant, { status: 'IN_PROGRESS' }, page()), [/SEARCH visit_counts USING PRIMARY KEY \(tenant_id=\? AND status=\?\)/, /idx_visits_tenant_status \(tenant_id=\? AND status=\?\)/]],
  ['visit search by provider', (db) => listVisitSummaries(db, ids.tenant, { providerId: ids.provider }, page()), [/idx_visits_provider \(provider_id=\? AND tenant_id=\?\)/, /idx_visits_provider \(provider_id=\? AND tenant_id=\?\)/]],
  ['visit search by code', (db) => listVisitSummaries(db, ids.tenant, { code: 'D2740' }, page()), [/idx_procedures_tenant_code \(tenant_id=\? AND code=\?\)/, /EXISTS USING (COVERING )?INDEX idx_procedures_tenant_code \(tenant_id=\? AND code=\? AND visit_id=\?\)/]],
  ['visit search by dates', (db) => listVisitSummaries(db, ids.tenant, { from: '2026-01-01', to: '2026-01-31' }, page()), [/idx_visits_tenant_date \(tenant_id=\? AND date>\? AND date<\?\)/, /idx_visits_tenant_date \(tenant_id=\? AND date>\? AND date<\?\)/]],
  ['visit search by total', (db) => listVisitSummaries(db, ids.tenant, {}, page({ field: 'totalCost', dir: 'desc' })), [kept, /idx_visits_tenant_total \(tenant_id=\?\)/]],
  ['visit search by procedure count', (db) => listVisitSummaries(db, ids.tenant, {}, page({ field: 'procedureCount', dir: 'asc' })), [kept, /idx_visits_tenant_count \(tenant_id=\?\)/]],
  ['visit search by created', (db) => listVisitSummaries(db, ids.tenant, {}, page({ field: 'createdAt', dir: 'desc' })), [kept, /idx_visits_tenant_created \(tenant_id=\?\)/]],
  ['patient', (db) => findPatient(db, ids.tenant, ids.patient), [/sqlite_autoindex_patients_1 \(id=\?\)/]],
  ['patient search by name', (db) => searchPatients(db, { ...searchDefaults, tenantId: ids.tenant, query: 'Tan', includeArchived: false, page: 1, size: 25 }), [nameParts, nameParts]],
  ['patient search by digits', (db) => searchPatients(db, { ...searchDefaults, tenantId: ids.tenant, query: '5550', includeArchived: false, page: 1, size: 25 }), [digitParts, digitParts]],
  ['patient list, nothing typed', (db) => searchPatients(db, { ...searchDefaults, tenantId: ids.tenant, query: '', includeArchived: false, page: 1, size: 25 }), [/COVERING INDEX idx_patients_tenant_archived \(tenant_id=\? AND archived_at=\?\)/, /idx_patients_tenant_archived \(tenant_id=\? AND archived_at=\?\)(?! \| USE TEMP B-TREE FOR ORDER BY)/]],
  ['patient search by part of a name', (db) => searchPatients(db, { ...searchDefaults, tenantId: ids.tenant, query: 'kafor', includeArchived: false, page: 1, size: 25 }), [/SCAN patients_fts VIRTUAL TABLE INDEX/, /SCAN patients_fts VIRTUAL TABLE INDEX/]],
  ['patient search by birth date', (db) => searchPatients(db, { ...searchDefaults, tenantId: ids.tenant, query: '1979-11-30', includeArchived: false, page: 1, size: 25 }), [/idx_patients_tenant_dob \(tenant_id=\? AND date_of_birth=\?\)/, /idx_patients_tenant_dob \(tenant_id=\? AND date_of_birth=\?\)/]],
  ['audit log', async (db) => listAuditEvents(db, { tenantId: ids.tenant }, { limit: 25, offset: 0, total: await countAuditEvents(db, { tenantId: ids.tenant }) }), [/idx_audit_events_chain_index \(tenant_id=\?\)/, /idx_audit_events_chain_index \(tenant_id=\? AND chain_index<\?\)/]],
  ['audit of a patient', async (db) => listAuditEvents(db, { tenantId: ids.tenant, patientId: ids.patient }, { limit: 25, offset: 0, total: await countAuditEvents(db, { tenantId: ids.tenant, patientId: ids.patient }) }), [/idx_audit_events_patient \(patient_id=\? AND tenant_id=\?\)/, /idx_audit_events_patient \(patient_id=\? AND tenant_id=\?\)/]],
];

describe.each<Statistics>(['none', 'one year', 'ten years'])('query plans with %s statistics', (kind) => {
  beforeAll(() => useStatistics(kind));

  it.each(HOT)('%s uses its index', async (_what, query, expected) => {
    const plans = await plansOf(query);
    expect(plans).toHaveLength(expected.length);
    plans.forEach((plan, i) => {
      expect(plan).toMatch(expected[i]!);
      // No statement walks a whole table of the practice.
      expect(plan).not.toMatch(/\bSCAN (v|pr|c|a|pt|patients|visits|procedures|audit_events|visit_counts)\b/);
    });
  });
});
