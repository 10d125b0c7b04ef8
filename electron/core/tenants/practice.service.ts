import type { NameOrder, PracticeSettings, TimeFormat } from '../../../shared/types';
import { write } from '../change';
import type { AuthedContext } from '../context';
import { notFound } from '../errors';
import { findPractice, updatePractice } from './tenants.repository';

export async function get(ctx: AuthedContext): Promise<PracticeSettings> {
  const practice = await findPractice(ctx.core.db, ctx.session.tenantId);
  if (!practice) throw notFound('Practice');
  return practice;
}

export function update(
  ctx: AuthedContext,
  input: { version: number; name: string; locale: string; timeFormat: TimeFormat; nameOrder: NameOrder },
): Promise<PracticeSettings> {
  return write(ctx, async (c) => {
    const before = await findPractice(c.trx, c.tenantId);
    if (!before) throw notFound('Practice');
    await updatePractice(
      c.trx,
      { tenantId: c.tenantId, id: c.tenantId, version: input.version },
      { name: input.name, locale: input.locale, time_format: input.timeFormat, name_order: input.nameOrder },
      c.now,
    );
    const after = (await findPractice(c.trx, c.tenantId))!;
    return { result: after, audit: { entity: 'tenant', entityId: c.tenantId, action: 'update', before, after } };
  });
}
