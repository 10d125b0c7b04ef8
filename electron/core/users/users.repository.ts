import type { Role } from '../../../shared/domain/roles';
import type { User } from '../../../shared/types';
import type { Queryable } from '../context';
import type { UserRow } from '../db/schema';

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    active: r.active === 1,
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

export function listUsers(db: Queryable, tenantId: string) {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('display_name').execute();
}

export function listProviders(db: Queryable, tenantId: string, roles: readonly Role[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .where('role', 'in', roles)
    .orderBy('display_name')
    .execute();
}

export async function insertUser(
  db: Queryable,
  row: { id: string; tenant_id: string; username: string; display_name: string; role: Role; password_hash: string },
) {
  await db.insertInto('users').values(row).execute();
}
