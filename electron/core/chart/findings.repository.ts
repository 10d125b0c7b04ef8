import type { Insertable, Transaction, Updateable } from 'kysely';
import type { FindingKind } from '../../../shared/domain/findings';
import { surfacesFromText } from '../../../shared/domain/teeth';
import type { Finding } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, FindingsTable } from '../db/schema';
import { deleteVersioned, updateVersioned, type VersionKey } from '../db/versioned';

function findingQuery(db: Queryable, tenantId: string) {
  return db
    .selectFrom('findings as f')
    .leftJoin('users as rec', 'rec.id', 'f.recorded_by')
    .leftJoin('users as res', 'res.id', 'f.resolved_by')
    .where('f.tenant_id', '=', tenantId)
    .selectAll('f')
    .select(['rec.display_name as recorded_by_name', 'res.display_name as resolved_by_name']);
}

export type FindingRecord = Awaited<ReturnType<ReturnType<typeof findingQuery>['execute']>>[number];

export function toFinding(r: FindingRecord): Finding {
  return {
    id: r.id,
    patientId: r.patient_id,
    kind: r.kind as FindingKind,
    toothNumber: r.tooth_number,
    surfaces: surfacesFromText(r.surfaces),
    recordedOn: r.recorded_on,
    recordedByName: r.recorded_by_name,
    resolvedOn: r.resolved_on,
    resolvedByName: r.resolved_by_name,
    notes: r.notes,
    version: r.version,
    createdAt: r.created_at,
  };
}

export function findFinding(db: Queryable, tenantId: string, id: string) {
  return findingQuery(db, tenantId).where('f.id', '=', id).executeTakeFirst();
}

/** A patient's findings recorded on or before a day (all of them without one), oldest first. */
export async function listPatientFindings(db: Queryable, tenantId: string, patientId: string, asOf: string | null): Promise<Finding[]> {
  let q = findingQuery(db, tenantId).where('f.patient_id', '=', patientId);
  if (asOf) q = q.where('f.recorded_on', '<=', asOf);
  const rows = await q.orderBy('f.recorded_on').orderBy('f.created_at').orderBy('f.id').execute();
  return rows.map(toFinding);
}

export async function insertFindings(trx: Transaction<DB>, rows: Insertable<FindingsTable>[]): Promise<void> {
  await trx.insertInto('findings').values(rows).execute();
}

export function updateFinding(trx: Transaction<DB>, key: VersionKey, values: Updateable<FindingsTable>, now: string) {
  return updateVersioned(trx, 'findings', key, values, now, 'finding');
}

export function deleteFinding(trx: Transaction<DB>, key: VersionKey): Promise<void> {
  return deleteVersioned(trx, 'findings', key, 'finding');
}
