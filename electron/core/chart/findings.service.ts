import { FINDING_INFO, type FindingKind } from '../../../shared/domain/findings';
import { planFinding } from '../../../shared/domain/quick-entry';
import { surfacesToText } from '../../../shared/domain/teeth';
import type { Finding } from '../../../shared/types';
import { type Change, write } from '../change';
import type { AuthedContext } from '../context';
import { AppError, conflict, illegal, invalid, notFound } from '../errors';
import { deleteFinding, findFinding, type FindingRecord, insertFindings, toFinding, updateFinding } from './findings.repository';

const today = (c: Change) => c.now.slice(0, 10);

async function open(c: Change, id: string): Promise<FindingRecord> {
  const row = await findFinding(c.trx, c.tenantId, id);
  if (!row) throw notFound('Finding');
  await c.openChart(row.patient_id);
  return row;
}

export interface FindingInput {
  patientId: string;
  kind: FindingKind;
  teeth: string[];
  surfaces: string[];
  recordedOn: string;
  notes: string | null;
}

/** One finding per tooth named, dated no later than today, with the same tooth and surface rules as procedures. */
export function add(ctx: AuthedContext, input: FindingInput): Promise<Finding[]> {
  return write(ctx, async (c) => {
    await c.openChart(input.patientId, 'patientId');
    const plan = planFinding({ teeth: input.teeth, surfaces: input.surfaces }, input.kind);
    if (!plan.ok) throw new AppError('VALIDATION', plan.error, [{ path: 'teeth', message: plan.error }]);
    if (input.recordedOn > today(c)) throw invalid('recordedOn', 'A finding cannot be dated in the future.');
    const ids = plan.value.teeth.map(() => c.newId());
    await insertFindings(
      c.trx,
      plan.value.teeth.map((tooth, i) => ({
        id: ids[i]!,
        tenant_id: c.tenantId,
        patient_id: input.patientId,
        kind: input.kind,
        tooth_number: tooth,
        surfaces: plan.value.surfaces.length ? surfacesToText(plan.value.surfaces) : null,
        recorded_on: input.recordedOn,
        recorded_by: ctx.session.userId,
        notes: input.notes,
        ...c.stamps(),
      })),
    );
    const after = await Promise.all(ids.map(async (id) => toFinding((await findFinding(c.trx, c.tenantId, id))!)));
    return {
      result: after,
      audit: { entity: 'finding', entityId: ids[0]!, patientId: input.patientId, action: 'create', after: after.length === 1 ? after[0] : after },
    };
  });
}

export function resolve(ctx: AuthedContext, input: { id: string; version: number; resolvedOn: string; notes: string | null }): Promise<Finding> {
  return write(ctx, async (c) => {
    const before = await open(c, input.id);
    if (before.version !== input.version) throw conflict('finding');
    const label = FINDING_INFO[before.kind as FindingKind].label;
    if (before.resolved_on) throw illegal(`This ${label.toLowerCase()} on tooth ${before.tooth_number} was already resolved on ${before.resolved_on}.`);
    if (input.resolvedOn > today(c)) throw invalid('resolvedOn', 'A finding cannot be resolved in the future.');
    if (input.resolvedOn < before.recorded_on) {
      throw invalid('resolvedOn', `It was recorded on ${before.recorded_on}: it cannot be resolved before that.`);
    }
    await updateFinding(
      c.trx,
      { tenantId: c.tenantId, id: input.id, version: input.version },
      { resolved_on: input.resolvedOn, resolved_by: ctx.session.userId, ...(input.notes ? { notes: before.notes ? `${before.notes}\n${input.notes}` : input.notes } : {}) },
      c.now,
    );
    const after = toFinding((await findFinding(c.trx, c.tenantId, input.id))!);
    return {
      result: after,
      audit: { entity: 'finding', entityId: input.id, patientId: before.patient_id, action: 'resolve', before: toFinding(before), after },
    };
  });
}

/** For a finding recorded by mistake. A resolved finding is part of the patient's history and stays. */
export function remove(ctx: AuthedContext, input: { id: string; version: number }): Promise<{ id: string }> {
  return write(ctx, async (c) => {
    const before = await open(c, input.id);
    if (before.version !== input.version) throw conflict('finding');
    if (before.resolved_on) throw illegal('A resolved finding is part of the history and cannot be removed.');
    await deleteFinding(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version });
    return {
      result: { id: input.id },
      audit: { entity: 'finding', entityId: input.id, patientId: before.patient_id, action: 'delete', before: toFinding(before) },
    };
  });
}
