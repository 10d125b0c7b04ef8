import { PROVIDER_ROLES, type Role } from '../../../shared/domain/roles';
import type { Provider, User } from '../../../shared/types';
import { recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { AuthedContext, Queryable } from '../context';
import { invalid, notFound } from '../errors';
import { findUser, findUserByUsername, insertUser, listProviders, listUsers, toUser } from './users.repository';

export async function getUsers(ctx: AuthedContext): Promise<User[]> {
  return (await listUsers(ctx.core.db, ctx.session.tenantId)).map(toUser);
}

export async function getProviders(ctx: AuthedContext): Promise<Provider[]> {
  const rows = await listProviders(ctx.core.db, ctx.session.tenantId, PROVIDER_ROLES);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as Role }));
}

/**
 * Inserts a user inside the caller's transaction; the username must be free in
 * the whole file. Takes the password already hashed: scrypt is slow and must
 * not run while the transaction holds the database.
 */
export async function addUser(
  trx: Queryable,
  ctx: { core: AuthedContext['core'] },
  tenantId: string,
  input: { username: string; displayName: string; role: Role; passwordHash: string },
): Promise<string> {
  if (await findUserByUsername(trx, input.username)) {
    throw invalid('username', `The username "${input.username}" is taken.`);
  }
  const id = ctx.core.newId();
  await insertUser(trx, {
    id,
    tenant_id: tenantId,
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: input.passwordHash,
  });
  return id;
}

export async function createUser(
  ctx: AuthedContext,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return ctx.core.db.transaction().execute(async (trx) => {
    const id = await addUser(trx, ctx, ctx.session.tenantId, { ...input, passwordHash });
    const row = await findUser(trx, ctx.session.tenantId, id);
    if (!row) throw notFound('User');
    const user = toUser(row);
    await recordAudit(trx, ctx, ctx.session.tenantId, { entity: 'user', entityId: id, action: 'create', after: user });
    return user;
  });
}

/** A user must be one of the practice's active providers to be named on a visit. */
export async function requireProvider(db: Queryable, tenantId: string, userId: string, path: string) {
  const u = await findUser(db, tenantId, userId);
  if (!u || u.active !== 1 || !PROVIDER_ROLES.includes(u.role as Role)) throw invalid(path, 'Choose a provider from this practice.');
  return u;
}
