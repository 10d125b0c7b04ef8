import type { ExpressionBuilder, Insertable, Transaction, Updateable } from 'kysely';
import type { ProcedureStatus } from '../../../shared/domain/status';
import { type Area, surfacesFromText } from '../../../shared/domain/teeth';
import type { Procedure } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, ProceduresTable } from '../db/schema';
import { deleteVersioned, updateVersioned, type VersionKey } from '../db/versioned';

/** Claim statuses that freeze their procedures: the claim has left the practice. */
const LOCKING_CLAIM_STATUSES = ['SUBMITTED', 'PAID', 'DENIED'] as const;

function procedureQuery(db: Queryable, tenantId: string) {
  return db
    .selectFrom('procedures as pr')
    .innerJoin('visits as v', 'v.id', 'pr.visit_id')
    .leftJoin('users as u', 'u.id', 'pr.performed_by')
    .where('pr.tenant_id', '=', tenantId)
    .selectAll('pr')
    .select(['u.display_name as performed_by_name', 'v.patient_id'])
    .select(lockingClaim);
}

/** The number of the submitted claim holding procedure `pr`, if any: selected as `locked_by_claim`. */
export function lockingClaim(eb: ExpressionBuilder<DB & { pr: DB['procedures'] }, 'pr'>) {
  return eb
    .selectFrom('claim_procedures as cp')
    .innerJoin('claims as c', 'c.id', 'cp.claim_id')
    .select('c.claim_number')
    .whereRef('cp.procedure_id', '=', 'pr.id')
    .where('c.status', 'in', LOCKING_CLAIM_STATUSES)
    .limit(1)
    .as('locked_by_claim');
}

export type ProcedureRecord = Awaited<ReturnType<ReturnType<typeof procedureQuery>['execute']>>[number];

export function toProcedure(r: ProcedureRecord): Procedure {
  return {
    id: r.id,
    visitId: r.visit_id,
    code: r.code,
    name: r.name,
    toothNumber: r.tooth_number,
    surfaces: surfacesFromText(r.surfaces),
    area: r.area as Area | null,
    quantity: r.quantity,
    unitFee: r.unit_fee,
    durationMinutes: r.duration_minutes,
    performedById: r.performed_by,
    performedByName: r.performed_by_name,
    status: r.status as ProcedureStatus,
    startedAt: r.started_at,
    completedAt: r.completed_at,
    correctsProcedureId: r.corrects_procedure_id,
    notes: r.notes,
    lockedByClaim: r.locked_by_claim,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findProcedure(db: Queryable, tenantId: string, id: string) {
  return procedureQuery(db, tenantId).where('pr.id', '=', id).executeTakeFirst();
}

export function listVisitProcedures(db: Queryable, tenantId: string, visitId: string) {
  return procedureQuery(db, tenantId)
    .where('pr.visit_id', '=', visitId)
    .orderBy('pr.created_at')
    .orderBy('pr.id')
    .execute();
}

/** The number of a submitted claim holding any procedure of the visit, if there is one. */
export async function findVisitLockingClaim(db: Queryable, tenantId: string, visitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('procedures as pr')
    .innerJoin('claim_procedures as cp', 'cp.procedure_id', 'pr.id')
    .innerJoin('claims as c', 'c.id', 'cp.claim_id')
    .select('c.claim_number')
    .where('pr.tenant_id', '=', tenantId)
    .where('pr.visit_id', '=', visitId)
    .where('c.status', 'in', LOCKING_CLAIM_STATUSES)
    .limit(1)
    .executeTakeFirst();
  return row?.claim_number;
}

/** What still points at a procedure, so removing it would lose or orphan a record. */
export async function findProcedureDependents(db: Queryable, tenantId: string, id: string) {
  const [claim, labCase, record, correction] = await Promise.all([
    db.selectFrom('claim_procedures as cp').innerJoin('claims as c', 'c.id', 'cp.claim_id').select('c.claim_number')
      .where('cp.tenant_id', '=', tenantId).where('cp.procedure_id', '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('lab_cases').select('id').where('tenant_id', '=', tenantId).where('procedure_id', '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('treatment_records').select('id').where('tenant_id', '=', tenantId).where('procedure_id', '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('procedures').select('id').where('tenant_id', '=', tenantId).where('corrects_procedure_id', '=', id).limit(1).executeTakeFirst(),
  ]);
  return { claimNumber: claim?.claim_number, labCase: Boolean(labCase), treatmentRecord: Boolean(record), correction: Boolean(correction) };
}

export async function insertProcedure(trx: Transaction<DB>, row: Insertable<ProceduresTable>): Promise<void> {
  await trx.insertInto('procedures').values(row).execute();
}

export function updateProcedure(trx: Transaction<DB>, key: VersionKey, values: Updateable<ProceduresTable>, now: string) {
  return updateVersioned(trx, 'procedures', key, values, now, 'procedure');
}

/** Deletes only the version the caller read. */
export function deleteProcedure(trx: Transaction<DB>, key: VersionKey): Promise<void> {
  return deleteVersioned(trx, 'procedures', key, 'procedure');
}
