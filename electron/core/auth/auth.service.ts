import type { Role } from '../../../shared/domain/roles';
import type { SessionState, SessionUser, SignedIn } from '../../../shared/types';
import { recordAudit } from '../audit/audit.service';
import type { AuthedContext, CallContext, Session } from '../context';
import { AppError } from '../errors';
import { findUserByUsername } from '../users/users.repository';
import { addUser } from '../users/users.service';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

async function sessionUser(ctx: CallContext, s: Session): Promise<SessionUser> {
  const row = await ctx.core.db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 't.id as tenant_id', 't.name', 't.currency'])
    .where('u.id', '=', s.userId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    tenantId: row.tenant_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    practiceName: row.name,
    currency: row.currency,
  };
}

export async function sessionState(ctx: CallContext): Promise<SessionState> {
  const anyTenant = await ctx.core.db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
  return {
    needsSetup: !anyTenant,
    user: ctx.session ? await sessionUser(ctx, ctx.session) : null,
    workstation: ctx.workstation,
  };
}

const BAD_CREDENTIALS = 'That username and password do not match.';

export async function signIn(ctx: CallContext, input: { username: string; password: string }): Promise<SignedIn> {
  const throttle = ctx.core.signInThrottle;
  const wait = throttle.minutesLocked(input.username);
  if (wait > 0) {
    throw new AppError('UNAUTHENTICATED', `Too many wrong passwords for this username. Try again in ${wait} minute${wait === 1 ? '' : 's'}, or ask an administrator.`);
  }
  const user = await findUserByUsername(ctx.core.db, input.username);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.active !== 1) {
    throttle.fail(input.username);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  throttle.succeed(input.username);
  const session = ctx.core.sessions.open({
    userId: user.id,
    tenantId: user.tenant_id,
    role: user.role as Role,
    displayName: user.display_name,
  });
  const signedIn = { ...ctx, session };
  await ctx.core.db
    .transaction()
    .execute((trx) => recordAudit(trx, signedIn, user.tenant_id, { entity: 'user', entityId: user.id, action: 'sign_in' }));
  return { user: await sessionUser(ctx, session), sessionToken: session.token };
}

export async function signOut(ctx: AuthedContext): Promise<{ signedOut: true }> {
  await ctx.core.db
    .transaction()
    .execute((trx) => recordAudit(trx, ctx, ctx.session.tenantId, { entity: 'user', entityId: ctx.session.userId, action: 'sign_out' }));
  ctx.core.sessions.close(ctx.session.token);
  return { signedOut: true };
}

export interface PracticeInput {
  practiceName: string;
  currency: string;
  adminDisplayName: string;
  adminUsername: string;
  adminPassword: string;
}

/** Creates a practice and its first administrator in one transaction. */
export async function createTenant(
  ctx: CallContext,
  input: PracticeInput,
  options: { firstRunOnly: boolean },
): Promise<{ tenantId: string; userId: string }> {
  const passwordHash = await hashPassword(input.adminPassword);
  return ctx.core.db.transaction().execute(async (trx) => {
    // Checked inside the transaction so two first-run windows cannot both win.
    if (options.firstRunOnly && (await trx.selectFrom('tenants').select('id').limit(1).executeTakeFirst())) {
      throw new AppError('FORBIDDEN', 'This Chairside is already set up. Sign in instead.');
    }
    const tenantId = ctx.core.newId();
    await trx
      .insertInto('tenants')
      .values({ id: tenantId, tenant_id: tenantId, name: input.practiceName, currency: input.currency })
      .execute();
    const userId = await addUser(trx, ctx, tenantId, {
      username: input.adminUsername,
      displayName: input.adminDisplayName,
      role: 'ADMIN',
      passwordHash,
    });
    const asAdmin = { ...ctx, session: { token: '', userId, tenantId, role: 'ADMIN' as const, displayName: input.adminDisplayName } };
    await recordAudit(trx, asAdmin, tenantId, {
      entity: 'tenant',
      entityId: tenantId,
      action: 'create',
      after: { name: input.practiceName, currency: input.currency, admin: input.adminUsername },
    });
    return { tenantId, userId };
  });
}

/** First run only: once a practice exists this channel refuses. */
export async function createPractice(ctx: CallContext, input: PracticeInput): Promise<SignedIn> {
  await createTenant(ctx, input, { firstRunOnly: true });
  return signIn(ctx, { username: input.adminUsername, password: input.adminPassword });
}
