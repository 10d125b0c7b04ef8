import { findingAsOf, statusAsOf } from '../../../shared/domain/chart';
import { type Area, surfacesFromText } from '../../../shared/domain/teeth';
import type { ChartData, ChartProcedure, ChartTooth } from '../../../shared/types';
import type { AuthedContext, Queryable } from '../context';
import { invalid, notFound } from '../errors';
import { findPatient } from '../patients/patients.repository';
import { listPatientFindings } from './findings.repository';
import type { ProcedureStatus } from '../../../shared/domain/status';

/** Every procedure of the patient's visits, charted on or before a day (all without one). */
function listPatientProcedures(db: Queryable, tenantId: string, patientId: string, asOf: string | null) {
  let q = db
    .selectFrom('visits as v')
    .innerJoin('procedures as pr', 'pr.visit_id', 'v.id')
    .where('v.patient_id', '=', patientId)
    .where('v.tenant_id', '=', tenantId)
    .select([
      'pr.id',
      'pr.visit_id',
      'v.date as visit_date',
      'pr.code',
      'pr.name',
      'pr.tooth_number',
      'pr.surfaces',
      'pr.area',
      'pr.status',
      'pr.started_at',
      'pr.completed_at',
      'pr.corrects_procedure_id',
      'pr.created_at',
      'pr.updated_at',
    ]);
  // created_at is an instant: anything created before the next day began (UTC) was there on the day.
  if (asOf) q = q.where('pr.created_at', '<', nextDay(asOf));
  return q.orderBy('v.date').orderBy('pr.created_at').orderBy('pr.id').execute();
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

const slot = (teeth: Record<string, ChartTooth>, tooth: string): ChartTooth => (teeth[tooth] ??= { procedures: [], findings: [] });

/** The patient's whole mouth across visits, as it stood at the end of a day (now, without one). */
export async function get(ctx: AuthedContext, input: { patientId: string; asOf?: string | undefined }): Promise<ChartData> {
  const { db } = ctx.core;
  const tenantId = ctx.session.tenantId;
  const asOf = input.asOf ?? null;
  if (asOf && asOf > ctx.core.now().toISOString().slice(0, 10)) throw invalid('asOf', 'Pick today or an earlier day: the chart cannot show the future.');
  if (!(await findPatient(db, tenantId, input.patientId))) throw notFound('Patient', 'patientId');
  const [rows, findings] = await Promise.all([
    listPatientProcedures(db, tenantId, input.patientId, asOf),
    listPatientFindings(db, tenantId, input.patientId, asOf),
  ]);

  const chart: ChartData = { patientId: input.patientId, asOf, teeth: {}, areas: {}, mouth: [] };
  for (const r of rows) {
    const status = statusAsOf(
      { status: r.status as ProcedureStatus, createdAt: r.created_at, updatedAt: r.updated_at, startedAt: r.started_at, completedAt: r.completed_at },
      asOf,
    );
    if (!status) continue;
    const p: ChartProcedure = {
      id: r.id,
      visitId: r.visit_id,
      visitDate: r.visit_date,
      code: r.code,
      name: r.name,
      toothNumber: r.tooth_number,
      surfaces: surfacesFromText(r.surfaces),
      area: r.area as Area | null,
      status,
      completedAt: status === 'COMPLETED' ? r.completed_at : null,
      correctsProcedureId: r.corrects_procedure_id,
    };
    if (p.toothNumber) slot(chart.teeth, p.toothNumber).procedures.push(p);
    else if (p.area) (chart.areas[p.area] ??= []).push(p);
    else chart.mouth.push(p);
  }
  for (const f of findings) {
    const seen = findingAsOf(f, asOf);
    if (seen) slot(chart.teeth, f.toothNumber).findings.push(seen);
  }
  return chart;
}
