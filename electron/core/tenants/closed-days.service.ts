import type { ClosedDay } from '../../../shared/types';
import { write } from '../change';
import type { AuthedContext } from '../context';
import { notFound } from '../errors';
import { listClosedDays } from './closed-days.repository';

export function list(ctx: AuthedContext, input: { from?: string | undefined }): Promise<ClosedDay[]> {
  return listClosedDays(ctx.core.db, ctx.session.tenantId, input.from);
}

/** Adds a closed day, or renames one already listed. Due dates already set stay as they are. */
export function add(ctx: AuthedContext, input: ClosedDay): Promise<ClosedDay> {
  return write(ctx, async (c) => {
    const before = await c.trx.selectFrom('closed_days').select(['day', 'note']).where('tenant_id', '=', c.tenantId).where('day', '=', input.day).executeTakeFirst();
    await c.trx
      .insertInto('closed_days')
      .values({ tenant_id: c.tenantId, day: input.day, note: input.note, created_at: c.now })
      .onConflict((oc) => oc.columns(['tenant_id', 'day']).doUpdateSet({ note: input.note }))
      .execute();
    const after = { day: input.day, note: input.note };
    return { result: after, audit: { entity: 'closedDay', entityId: input.day, action: before ? 'update' : 'create', ...(before ? { before } : {}), after } };
  });
}

export function remove(ctx: AuthedContext, input: { day: string }): Promise<{ day: string }> {
  return write(ctx, async (c) => {
    const before = await c.trx.selectFrom('closed_days').select(['day', 'note']).where('tenant_id', '=', c.tenantId).where('day', '=', input.day).executeTakeFirst();
    if (!before) throw notFound('That closed day', 'day');
    await c.trx.deleteFrom('closed_days').where('tenant_id', '=', c.tenantId).where('day', '=', input.day).execute();
    return { result: { day: input.day }, audit: { entity: 'closedDay', entityId: input.day, action: 'delete', before } };
  });
}
