import type { Insertable, Transaction, Updateable } from 'kysely';
import { stageOf } from '../../../shared/domain/lab-cases';
import type { ProcedureStatus } from '../../../shared/domain/status';
import { type Area, surfacesFromText } from '../../../shared/domain/teeth';
import type { LabCase } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, LabCasesTable } from '../db/schema';
import { updateVersioned, type VersionKey } from '../db/versioned';
import { lockingClaim } from '../procedures/procedures.repository';

/** A case with what every screen shows beside it: its lab, procedure, visit, patient and provider. */
export function labCaseQuery(db: Queryable, tenantId: string) {
  return db
    .selectFrom('lab_cases as lc')
    .innerJoin('labs as l', 'l.id', 'lc.lab_id')
    .innerJoin('procedures as pr', 'pr.id', 'lc.procedure_id')
    .innerJoin('visits as v', 'v.id', 'pr.visit_id')
    .innerJoin('patients as pt', 'pt.id', 'v.patient_id')
    .innerJoin('users as u', 'u.id', 'v.provider_id')
    .where('lc.tenant_id', '=', tenantId)
    .selectAll('lc')
    .select([
      'l.name as lab_name',
      'l.phone as lab_phone',
      'pr.code',
      'pr.name as procedure_name',
      'pr.tooth_number',
      'pr.surfaces',
      'pr.area',
      'pr.status as procedure_status',
      'pr.version as procedure_version',
      'v.id as visit_id',
      'v.date as visit_date',
      'v.provider_id',
      'u.display_name as provider_name',
      'pt.id as patient_id',
      'pt.first_name',
      'pt.last_name',
      'pt.chart_number',
      'pt.archived_at as patient_archived_at',
    ])
    .select(lockingClaim);
}

export type LabCaseRecord = Awaited<ReturnType<ReturnType<typeof labCaseQuery>['execute']>>[number];

export function toLabCase(r: LabCaseRecord): LabCase {
  const dates = { sentDate: r.sent_date, receivedDate: r.received_date, checkedDate: r.checked_date, cancelledDate: r.cancelled_date };
  return {
    id: r.id,
    stage: stageOf(dates),
    labId: r.lab_id,
    labName: r.lab_name,
    labPhone: r.lab_phone,
    ...dates,
    dueDate: r.due_date,
    cancelReason: r.cancel_reason,
    trackingNo: r.tracking_no,
    shade: r.shade,
    instructions: r.instructions,
    notes: r.notes,
    labFee: r.lab_fee,
    procedure: {
      id: r.procedure_id,
      code: r.code,
      name: r.procedure_name,
      toothNumber: r.tooth_number,
      surfaces: surfacesFromText(r.surfaces),
      area: r.area as Area | null,
      status: r.procedure_status as ProcedureStatus,
      lockedByClaim: r.locked_by_claim,
      version: r.procedure_version,
    },
    visitId: r.visit_id,
    visitDate: r.visit_date,
    patientId: r.patient_id,
    patientFirstName: r.first_name,
    patientLastName: r.last_name,
    chartNumber: r.chart_number,
    patientArchivedAt: r.patient_archived_at,
    providerId: r.provider_id,
    providerName: r.provider_name,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findLabCase(db: Queryable, tenantId: string, id: string) {
  return labCaseQuery(db, tenantId).where('lc.id', '=', id).executeTakeFirst();
}

/** The procedure's live case, else its most recently cancelled one. */
export function findProcedureLabCase(db: Queryable, tenantId: string, procedureId: string) {
  return labCaseQuery(db, tenantId)
    .where('lc.procedure_id', '=', procedureId)
    .orderBy((eb) => eb('lc.cancelled_date', 'is', null), 'desc')
    .orderBy('lc.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The live (not cancelled) case of a procedure, as stored. */
export function findLiveCase(db: Queryable, tenantId: string, procedureId: string) {
  return db
    .selectFrom('lab_cases')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('procedure_id', '=', procedureId)
    .where('cancelled_date', 'is', null)
    .executeTakeFirst();
}

export async function insertLabCase(trx: Transaction<DB>, row: Insertable<LabCasesTable>): Promise<void> {
  await trx.insertInto('lab_cases').values(row).execute();
}

export function updateLabCase(trx: Transaction<DB>, key: VersionKey, values: Updateable<LabCasesTable>, now: string) {
  return updateVersioned(trx, 'lab_cases', key, values, now, 'lab case');
}
