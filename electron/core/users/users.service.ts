import { decideProvider, type Role } from '../../../shared/domain/roles';
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
  const throttle = ctx.core.signInThrottle;
  return (await listUsers(ctx.core.db, ctx.session.tenantId)).map((r) => toUser(r, throttle.minutesLocked(r.username)));
}

export async function getProviders(ctx: AuthedContext): Promise<Provider[]> {
  const rows = await listProviders(ctx.core.db, ctx.session.tenantId);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as Role }));
}

/**
 * Inserts a user inside the caller's change; the username must be free in
 * the whole file. Takes the password already hashed: scrypt is slow and must
 * not run while the transaction holds the database.
 */
export async function addUser(
  c: Change,
  input: { id?: string; username: string; displayName: string; role: Role; passwordHash: string; provider?: boolean | undefined },
): Promise<User> {
  if (await findUserByUsername(c.trx, input.username)) {
    throw invalid('username', `The username "${input.username}" is taken.`);
  }
  const provider = providerOrRefuse(input.role, input.provider);
  const id = input.id ?? c.newId();
  await insertUser(c.trx, {
    id,
    tenant_id: c.tenantId,
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    is_provider: provider ? 1 : 0,
    password_hash: input.passwordHash,
    ...c.stamps(),
  });
  return toUser((await findUser(c.trx, c.tenantId, id))!);
}

export async function createUser(
  ctx: AuthedContext,
  input: { username: string; displayName: string; role: Role; password: string; provider?: boolean | undefined },
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
  input: { id: string; version: number; displayName: string; role: Role; active: boolean; provider?: boolean | undefined },
): Promise<User> {
  return write(ctx, async (c) => {
    const before = await findUser(c.trx, c.tenantId, input.id);
    if (!before) throw notFound('User');
    const provider = providerOrRefuse(input.role, input.provider, before.is_provider === 1);
    const wasActiveAdmin = before.role === 'ADMIN' && before.active === 1;
    const staysActiveAdmin = input.role === 'ADMIN' && input.active;
    if (wasActiveAdmin && !staysActiveAdmin && (await countActiveAdmins(c.trx, c.tenantId, input.id)) === 0) {
      const path = input.active ? 'role' : 'active';
      throw invalid(path, `${before.display_name} is the only active administrator. Make someone else an administrator first.`);
    }
    await updateUser(
      c.trx,
      { tenantId: c.tenantId, id: input.id, version: input.version },
      { display_name: input.displayName, role: input.role, active: input.active ? 1 : 0, is_provider: provider ? 1 : 0 },
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

/**
 * Lifts a sign-in lockout without touching the password: the user remembered
 * it after all, or a colleague's guessing locked them out.
 */
export async function unlock(ctx: AuthedContext, input: { id: string }): Promise<User> {
  const user = await write(ctx, async (c) => {
    const row = await findUser(c.trx, c.tenantId, input.id);
    if (!row) throw notFound('User');
    const locked = ctx.core.signInThrottle.minutesLocked(row.username);
    if (locked === 0) throw invalid('id', `${row.display_name} is not locked out.`);
    return { result: toUser(row), audit: { entity: 'user', entityId: row.id, action: 'unlock', before: { lockedMinutes: locked } } };
  });
  ctx.core.signInThrottle.succeed(user.username);
  return user;
}

function providerOrRefuse(role: Role, asked: boolean | undefined, current?: boolean): boolean {
  const decided = decideProvider(role, asked, current);
  if ('refused' in decided) throw invalid('provider', decided.refused);
  return decided.provider;
}

/** A user must be one of the practice's active providers to be named on a visit. */
export async function requireProvider(db: Queryable, tenantId: string, userId: string, path: string) {
  const u = await findUser(db, tenantId, userId);
  if (!u) throw notFound('Provider', path);
  if (u.active !== 1 || u.is_provider !== 1) throw invalid(path, `${u.display_name} is not one of the practice's active providers.`);
  return u;
}
