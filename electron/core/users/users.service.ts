import { PROVIDER_ROLES, type Role } from '../../../shared/domain/roles';
import type { Provider, User } from '../../../shared/types';
import { hashPassword } from '../auth/password';
import { type Change, write } from '../change';
import type { AuthedContext, Queryable } from '../context';
import { AppError, invalid, notFound } from '../errors';
import {
  countActiveAdmins,
  findUser,
  findUserByUsername,
  insertUser,
  listProviders,
  listUsers,
  replacePassword,
  toUser,
  updateUser,
} from './users.repository';

export async function getUsers(ctx: AuthedContext): Promise<User[]> {
  return (await listUsers(ctx.core.db, ctx.session.tenantId)).map(toUser);
}

export async function getProviders(ctx: AuthedContext): Promise<Provider[]> {
  const rows = await listProviders(ctx.core.db, ctx.session.tenantId, PROVIDER_ROLES);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as Role }));
}

/**
 * Inserts a user inside the caller's change; the username must be free in
 * the whole file. Takes the password already hashed: scrypt is slow and must
 * not run while the transaction holds the database.
 */
export async function addUser(
  c: Change,
  input: { id?: string; username: string; displayName: string; role: Role; passwordHash: string },
): Promise<User> {
  if (await findUserByUsername(c.trx, input.username)) {
    throw invalid('username', `The username "${input.username}" is taken.`);
  }
  const id = input.id ?? c.newId();
  await insertUser(c.trx, {
    id,
    tenant_id: c.tenantId,
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: input.passwordHash,
    ...c.stamps(),
  });
  return toUser((await findUser(c.trx, c.tenantId, id))!);
}

export async function createUser(
  ctx: AuthedContext,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return write(ctx, async (c) => {
    const user = await addUser(c, { ...input, passwordHash });
    return { result: user, audit: { entity: 'user', entityId: user.id, action: 'create', after: user } };
  });
}

/**
 * Name, role and active flag. The signed-in user sees a new role, or being
 * deactivated, on their very next call. The practice always keeps one
 * active administrator.
 */
export function update(
  ctx: AuthedContext,
  input: { id: string; version: number; displayName: string; role: Role; active: boolean },
): Promise<User> {
  return write(ctx, async (c) => {
    const before = await findUser(c.trx, c.tenantId, input.id);
    if (!before) throw notFound('User');
    const wasActiveAdmin = before.role === 'ADMIN' && before.active === 1;
    const staysActiveAdmin = input.role === 'ADMIN' && input.active;
    if (wasActiveAdmin && !staysActiveAdmin && (await countActiveAdmins(c.trx, c.tenantId, input.id)) === 0) {
      const path = input.active ? 'role' : 'active';
      throw invalid(path, `${before.display_name} is the only active administrator. Make someone else an administrator first.`);
    }
    await updateUser(
      c.trx,
      { tenantId: c.tenantId, id: input.id, version: input.version },
      { display_name: input.displayName, role: input.role, active: input.active ? 1 : 0 },
      c.now,
    );
    const after = toUser((await findUser(c.trx, c.tenantId, input.id))!);
    return { result: after, audit: { entity: 'user', entityId: input.id, action: 'update', before: toUser(before), after } };
  });
}

/**
 * An administrator sets a new password for someone who forgot theirs: every
 * session of that user ends, and a sign-in lockout on their name is lifted.
 */
export async function resetPassword(ctx: AuthedContext, input: { id: string; password: string }): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const user = await write(ctx, async (c) => {
    const before = await findUser(c.trx, c.tenantId, input.id);
    if (!before) throw notFound('User');
    const changed = await replacePassword(c.trx, { tenantId: c.tenantId, id: input.id, credentialVersion: before.credential_version }, passwordHash, c.now);
    if (!changed) throw new AppError('CONFLICT', 'This password was changed a moment ago. Try again.');
    const after = toUser((await findUser(c.trx, c.tenantId, input.id))!);
    return { result: after, audit: { entity: 'user', entityId: input.id, action: 'reset_password' } };
  });
  ctx.core.signInThrottle.succeed(user.username);
  return user;
}

/** A user must be one of the practice's active providers to be named on a visit. */
export async function requireProvider(db: Queryable, tenantId: string, userId: string, path: string) {
  const u = await findUser(db, tenantId, userId);
  if (!u) throw notFound('Provider', path);
  if (u.active !== 1 || !PROVIDER_ROLES.includes(u.role as Role)) throw invalid(path, `${u.display_name} is not an active dentist or hygienist.`);
  return u;
}
