import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Role } from '../../../shared/domain/roles';
import type { User } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, UserRow, UsersTable } from '../db/schema';
import { updateVersioned, type VersionKey } from '../db/versioned';

/** `lockedMinutes` comes from the sign-in throttle, which lives in memory, not in the row. */
export function toUser(r: UserRow, lockedMinutes = 0): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    active: r.active === 1,
    provider: r.is_provider === 1,
    lockedMinutes,
    version: r.version,
    createdAt: r.created_at,
  };
}

export function findUserByUsername(db: Queryable, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUser(db: Queryable, tenantId: string, id: string) {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** What every call needs to know about its caller, read afresh each time. */
export function findSessionUser(db: Queryable, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'role', 'display_name', 'active', 'credential_version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listUsers(db: Queryable, tenantId: string) {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('display_name').execute();
}

export function listProviders(db: Queryable, tenantId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('tenant_id', '=', tenantId)
    .where('is_provider', '=', 1)
    .where('active', '=', 1)
    .orderBy('display_name')
    .execute();
}

export async function countActiveAdmins(db: Queryable, tenantId: string, exceptId: string): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'ADMIN')
    .where('active', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function insertUser(trx: Transaction<DB>, row: Insertable<UsersTable>): Promise<void> {
  await trx.insertInto('users').values(row).execute();
}

export function updateUser(trx: Transaction<DB>, key: VersionKey, values: Updateable<UsersTable>, now: string) {
  return updateVersioned(trx, 'users', key, values, now, 'user');
}

/**
 * A new password hash ends every session opened under the old one. Guarded by
 * the credential version read before hashing, so two changes cannot both win.
 * Not a profile edit: the row's version stays, so an open edit form is not stale.
 */
export async function replacePassword(
  trx: Transaction<DB>,
  user: { tenantId: string; id: string; credentialVersion: number },
  passwordHash: string,
  now: string,
): Promise<boolean> {
  const res = await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, credential_version: user.credentialVersion + 1, updated_at: now })
    .where('tenant_id', '=', user.tenantId)
    .where('id', '=', user.id)
    .where('credential_version', '=', user.credentialVersion)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
