import type { Insertable } from 'kysely';
import { parseSurfaceCount } from '../../../shared/domain/fee-schedule';
import type { FeeScheduleEntry } from '../../../shared/types';
import { type Change, write } from '../change';
import type { AuthedContext } from '../context';
import type { Sqlite } from '../db/connection';
import type { FeeScheduleTable } from '../db/schema';
import { invalid, notFound } from '../errors';
import { findEntry, findEntryByCode, insertEntries, listSchedule, updateEntry } from './fee-schedule.repository';
import { STARTER_SCHEDULE } from './starter-schedule';

/** What a save names: an entry's fields, and whether it is retired (the core keeps the day it was). */
export type EntryFields = Omit<FeeScheduleEntry, 'id' | 'retiredAt' | 'version'> & { retired: boolean };

function starterRows(tenantId: string, now: string, newId: () => string): Insertable<FeeScheduleTable>[] {
  return STARTER_SCHEDULE.map(([code, shortName, fee, minutes, site, surfaces]) => {
    const count = surfaces ? parseSurfaceCount(surfaces)! : { surfaceCount: null, surfaceCountOrMore: false };
    return {
      id: newId(),
      tenant_id: tenantId,
      code,
      short_name: shortName,
      default_fee: fee,
      default_minutes: minutes,
      site_kind: site,
      surface_count: count.surfaceCount,
      surface_count_or_more: count.surfaceCountOrMore ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
  });
}

/** A new practice starts with the starter schedule, inside its setup change. */
export function addStarterSchedule(c: Change): Promise<void> {
  return insertEntries(c.trx, starterRows(c.tenantId, c.now, c.newId));
}

/**
 * A file made before the fee schedule existed gets the starter schedule when
 * it is opened, so charting works on the data a practice already has. Runs
 * once per practice: a practice with any code (even all retired) is left alone.
 */
export function addMissingStarterSchedules(sqlite: Sqlite, now: string, newId: () => string): void {
  const missing = sqlite.prepare('SELECT t.id FROM tenants t WHERE NOT EXISTS (SELECT 1 FROM fee_schedule f WHERE f.tenant_id = t.id)').pluck();
  const insert = sqlite.prepare(
    `INSERT INTO fee_schedule (id, tenant_id, code, short_name, default_fee, default_minutes, site_kind, surface_count, surface_count_or_more, created_at, updated_at)
     VALUES (@id, @tenant_id, @code, @short_name, @default_fee, @default_minutes, @site_kind, @surface_count, @surface_count_or_more, @created_at, @updated_at)`,
  );
  // Nothing to write on every open but the first: no write lock is taken.
  if (missing.all().length === 0) return;
  // Checked again and written in one IMMEDIATE transaction: two processes opening the same old file add it once.
  sqlite
    .transaction(() => {
      for (const tenantId of missing.all() as string[]) for (const row of starterRows(tenantId, now, newId)) insert.run(row);
    })
    .immediate();
}

export function list(ctx: AuthedContext): Promise<FeeScheduleEntry[]> {
  return listSchedule(ctx.core.db, ctx.session.tenantId);
}

function columns(f: EntryFields, before: FeeScheduleEntry | undefined, now: string) {
  return {
    code: f.code,
    short_name: f.shortName,
    default_fee: f.defaultFee,
    default_minutes: f.defaultMinutes,
    site_kind: f.siteKind,
    surface_count: f.surfaceCount,
    surface_count_or_more: f.surfaceCountOrMore ? 1 : 0,
    // Retiring keeps the day it first happened; un-retiring clears it.
    retired_at: f.retired ? (before?.retiredAt ?? now) : null,
  };
}

/** Creates a code, or updates one under its version. A code is unique in the practice. */
export function save(ctx: AuthedContext, input: EntryFields & { id?: string | undefined; version?: number | undefined }): Promise<FeeScheduleEntry> {
  return write(ctx, async (c) => {
    const taken = await findEntryByCode(c.trx, c.tenantId, input.code);
    if (taken && taken.id !== input.id) {
      throw invalid('code', `${input.code} is already in the fee schedule (${taken.shortName}${taken.retiredAt ? ', retired' : ''}).`);
    }
    if (!input.id) {
      const id = c.newId();
      await insertEntries(c.trx, [{ id, tenant_id: c.tenantId, ...columns(input, undefined, c.now), ...c.stamps() }]);
      const after = (await findEntry(c.trx, c.tenantId, id))!;
      return { result: after, audit: { entity: 'fee_schedule', entityId: id, action: 'create', after } };
    }
    const before = await findEntry(c.trx, c.tenantId, input.id);
    if (!before) throw notFound('Fee schedule code');
    await updateEntry(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version! }, columns(input, before, c.now), c.now);
    const after = (await findEntry(c.trx, c.tenantId, input.id))!;
    return { result: after, audit: { entity: 'fee_schedule', entityId: input.id, action: 'update', before, after } };
  });
}
