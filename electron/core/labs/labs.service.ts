import type { Lab } from '../../../shared/types';
import { write } from '../change';
import type { AuthedContext } from '../context';
import { invalid, notFound } from '../errors';
import { findLab, findLabByName, insertLab, listLabs, toLab, updateLab } from './labs.repository';

export interface LabFields {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  turnaroundDays: number;
  hidden: boolean;
}

export function list(ctx: AuthedContext, input: { includeHidden: boolean }): Promise<Lab[]> {
  return listLabs(ctx.core.db, ctx.session.tenantId, input.includeHidden);
}

/** Creates a lab, or updates one under its version. Hiding keeps the day it first happened. */
export function save(ctx: AuthedContext, input: LabFields & { id?: string | undefined; version?: number | undefined }): Promise<Lab> {
  return write(ctx, async (c) => {
    const taken = await findLabByName(c.trx, c.tenantId, input.name);
    if (taken && taken.id !== input.id) throw invalid('name', `There is already a lab called ${taken.name}.`);
    const before = input.id ? await findLab(c.trx, c.tenantId, input.id) : undefined;
    if (input.id && !before) throw notFound('Lab');
    const values = {
      name: input.name,
      phone: input.phone,
      email: input.email,
      address: input.address,
      notes: input.notes,
      turnaround_days: input.turnaroundDays,
      archived_at: input.hidden ? (before?.archived_at ?? c.now) : null,
    };
    const id = input.id ?? c.newId();
    if (before) await updateLab(c.trx, { tenantId: c.tenantId, id, version: input.version! }, values, c.now);
    else await insertLab(c.trx, { id, tenant_id: c.tenantId, ...values, ...c.stamps() });
    const after = toLab((await findLab(c.trx, c.tenantId, id))!);
    return {
      result: after,
      audit: before ? { entity: 'lab', entityId: id, action: 'update', before: toLab(before), after } : { entity: 'lab', entityId: id, action: 'create', after },
    };
  });
}
