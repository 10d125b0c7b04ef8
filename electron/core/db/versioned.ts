import type { Transaction, Updateable } from 'kysely';
import { conflict } from '../errors';
import type { DB } from './schema';

/** Tables whose rows are edited under optimistic locking. */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { id: string; tenant_id: string; version: unknown } ? T : never;
}[keyof DB];

export interface VersionKey {
  tenantId: string;
  id: string;
  /** The version the caller read; the row must still have it. */
  version: number;
}

/**
 * UPDATE … WHERE version = ?: bumps the version and updated_at, and answers
 * CONFLICT when no row matched, i.e. someone else saved first (or the row is
 * gone). Every edit of a versioned row goes through here.
 */
export async function updateVersioned<T extends VersionedTable>(
  trx: Transaction<DB>,
  table: T,
  key: VersionKey,
  values: Updateable<DB[T]>,
  now: string,
  noun: string,
): Promise<void> {
  // Every versioned table has these columns; Kysely cannot see that through a generic table name.
  const res = await trx
    .updateTable(table as 'patients')
    .set({ ...(values as Updateable<DB['patients']>), version: key.version + 1, updated_at: now })
    .where('tenant_id', '=', key.tenantId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n) throw conflict(noun);
}

/** DELETE … WHERE version = ?: CONFLICT when no row matched (someone changed or removed it first). */
export async function deleteVersioned<T extends VersionedTable>(trx: Transaction<DB>, table: T, key: VersionKey, noun: string): Promise<void> {
  const res = await trx
    .deleteFrom(table as 'patients')
    .where('tenant_id', '=', key.tenantId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .executeTakeFirst();
  if (res.numDeletedRows === 0n) throw conflict(noun);
}
