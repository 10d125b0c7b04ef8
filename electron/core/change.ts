/**
 * The one way data changes. change() opens a transaction (BEGIN IMMEDIATE),
 * lets the service do its reads, rules and writes, then appends the one
 * audit event the service describes and commits; any error rolls all of it
 * back. A change that touches a patient's chart is refused while that
 * patient is archived, checked where the service opens the chart and once
 * more on the audit event's patient before commit, so no path can forget it.
 */
import type { Transaction } from 'kysely';
import { type Actor, actorOf, type AuthedContext, type Core } from './context';
import { type AuditEntry, appendAuditEvent } from './audit/audit.repository';
import type { DB, PatientRow } from './db/schema';
import { archivedChart, notFound } from './errors';
import { findPatient } from './patients/patients.repository';

export interface Change {
  readonly trx: Transaction<DB>;
  readonly tenantId: string;
  /** The instant of this change (ISO-8601 UTC, from the core's clock): every timestamp it writes. */
  readonly now: string;
  newId(): string;
  /** created_at and updated_at for a new row. */
  stamps(): { created_at: string; updated_at: string };
  /** The patient whose chart this change writes to; refused when archived. */
  openChart(patientId: string, path?: string): Promise<PatientRow>;
}

/** What a change returns: its result, and the one audit event that records it. */
export interface Outcome<T> {
  result: T;
  audit: AuditEntry;
}

export interface ChangeOptions {
  /** Only archiving and restoring a patient may touch an archived chart. */
  archivedChartOk?: boolean;
}

export async function change<T>(
  core: Core,
  actor: Actor,
  run: (c: Change) => Promise<Outcome<T>>,
  options: ChangeOptions = {},
): Promise<T> {
  return core.db.transaction().execute(async (trx) => {
    const now = core.instant();
    const opened = new Set<string>();
    const openChart = async (patientId: string, path?: string) => {
      const patient = await findPatient(trx, actor.tenantId, patientId);
      if (!patient) throw notFound('Patient', path);
      if (patient.archived_at && !options.archivedChartOk) throw archivedChart(patient);
      opened.add(patientId);
      return patient;
    };
    const c: Change = {
      trx,
      tenantId: actor.tenantId,
      now,
      newId: core.newId,
      stamps: () => ({ created_at: now, updated_at: now }),
      openChart,
    };
    const { result, audit } = await run(c);
    if (audit.patientId && !opened.has(audit.patientId)) await openChart(audit.patientId);
    await appendAuditEvent(trx, actor, now, core.newId(), audit);
    return result;
  });
}

/** change() on behalf of the signed-in caller. */
export function write<T>(ctx: AuthedContext, run: (c: Change) => Promise<Outcome<T>>, options?: ChangeOptions): Promise<T> {
  return change(ctx.core, actorOf(ctx), run, options);
}
