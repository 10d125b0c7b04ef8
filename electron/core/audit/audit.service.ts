import type { AuditEvent, AuditVerification, Page } from '../../../shared/types';
import type { AuthedContext } from '../context';
import { notFound } from '../errors';
import { findPatient } from '../patients/patients.repository';
import { countAuditEvents, listAuditEvents } from './audit.repository';

export async function listAudit(
  ctx: AuthedContext,
  input: { entityId?: string | undefined; patientId?: string | undefined; page: number; size: number },
): Promise<Page<AuditEvent>> {
  const filter = { tenantId: ctx.session.tenantId, entityId: input.entityId, patientId: input.patientId };
  if (input.patientId && !(await findPatient(ctx.core.db, filter.tenantId, input.patientId))) throw notFound('Patient', 'patientId');
  const total = await countAuditEvents(ctx.core.db, filter);
  // Every record has at least the event that created it: none means no such record in this practice.
  if (input.entityId && total === 0) throw notFound('That record', 'entityId');
  const rows = await listAuditEvents(ctx.core.db, filter, { limit: input.size, offset: (input.page - 1) * input.size, total });
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
      before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
      after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
      hash: r.hash,
    })),
  };
}

/** Recomputes the practice's whole chain on a worker thread: it reads every event. */
export function verifyAudit(ctx: AuthedContext): Promise<AuditVerification> {
  return ctx.core.jobs.run('auditVerify', { tenantId: ctx.session.tenantId });
}
