import type { Role } from '../../../shared/domain/roles';
import type { SessionState, SessionUser, SignedIn } from '../../../shared/types';
import { change, write } from '../change';
import type { AuthedContext, CallContext, Core, Session } from '../context';
import { AppError, invalid } from '../errors';
import { findSessionUser, findUser, findUserByUsername, replacePassword } from '../users/users.repository';
import { addStarterSchedule } from '../fee-schedule/fee-schedule.service';
import { anyTenant, insertTenant, toFormats } from '../tenants/tenants.repository';
import { addUser } from '../users/users.service';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

/** Why a token no longer signs anyone in, in words for the person at the screen. */
export type SessionEnd = 'expired' | 'inactive' | 'credentials';

/**
 * The caller behind a session token, as the database says now: a user
 * deactivated, given another role or with a new password is treated
 * accordingly on their very next call, in every process serving the file.
 */
export async function resolveSession(core: Core, token: string | null | undefined): Promise<{ session: Session | null; ended?: SessionEnd }> {
  const open = core.sessions.get(token);
  if (!open || !token) return token ? { session: null, ended: 'expired' } : { session: null };
  const user = await findSessionUser(core.db, open.userId);
  const ended: SessionEnd | null =
    !user || user.active !== 1 ? 'inactive' : user.credential_version !== open.credentialVersion ? 'credentials' : null;
  if (ended || !user) {
    core.sessions.close(token);
    return { session: null, ended: ended ?? 'inactive' };
  }
  return { session: { token, userId: user.id, tenantId: user.tenant_id, role: user.role as Role, displayName: user.display_name } };
}

async function sessionUser(ctx: CallContext, userId: string): Promise<SessionUser> {
  const row = await ctx.core.db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 't.id as tenant_id', 't.name', 't.currency', 't.locale', 't.time_format', 't.name_order'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    tenantId: row.tenant_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    practiceName: row.name,
    currency: row.currency,
    formats: toFormats(row),
  };
}

export async function sessionState(ctx: CallContext): Promise<SessionState> {
  return {
    needsSetup: !(await anyTenant(ctx.core.db)),
    user: ctx.session ? await sessionUser(ctx, ctx.session.userId) : null,
    workstation: ctx.workstation,
    now: ctx.core.now().toISOString(),
  };
}

const BAD_CREDENTIALS = 'That username and password do not match.';

const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

function refuseWhileLocked(ctx: CallContext, username: string) {
  const wait = ctx.core.signInThrottle.minutesLocked(username);
  if (wait > 0) {
    throw new AppError(
      'UNAUTHENTICATED',
      `Too many wrong passwords for this username. Try again in ${minutes(wait)}, or ask an administrator to unlock it (Settings, Users).`,
    );
  }
}

/**
 * Guessing a colleague's password at a workstation they left signed in is
 * slowed the same way as at the sign-in screen, but counted apart (usernames
 * cannot contain ':'), so fumbling it does not lock anyone out of signing in.
 */
const passwordChangeKey = (userId: string) => `change-password:${userId}`;

/** The session exists only once the transaction recording the sign-in has committed. */
export async function signIn(ctx: CallContext, input: { username: string; password: string }): Promise<SignedIn> {
  refuseWhileLocked(ctx, input.username);
  const user = await findUserByUsername(ctx.core.db, input.username);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.active !== 1) {
    ctx.core.signInThrottle.fail(input.username);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  const actor = { tenantId: user.tenant_id, userId: user.id, workstation: ctx.workstation };
  await change(ctx.core, actor, async () => ({ result: null, audit: { entity: 'user', entityId: user.id, action: 'sign_in' } }));
  ctx.core.signInThrottle.succeed(input.username);
  const sessionToken = ctx.core.sessions.open({ userId: user.id, tenantId: user.tenant_id, credentialVersion: user.credential_version });
  return { user: await sessionUser(ctx, user.id), sessionToken };
}

export async function signOut(ctx: AuthedContext): Promise<{ signedOut: true }> {
  await write(ctx, async () => ({ result: null, audit: { entity: 'user', entityId: ctx.session.userId, action: 'sign_out' } }));
  ctx.core.sessions.close(ctx.session.token);
  return { signedOut: true };
}

/** Anyone signed in changes their own password with the current one; their other sessions end, this one carries on. */
export async function changePassword(ctx: AuthedContext, input: { currentPassword: string; newPassword: string }): Promise<{ changed: true }> {
  const user = (await findUser(ctx.core.db, ctx.session.tenantId, ctx.session.userId))!;
  const throttle = ctx.core.signInThrottle;
  const key = passwordChangeKey(user.id);
  const wait = throttle.minutesLocked(key);
  if (wait > 0) throw invalid('currentPassword', `Too many wrong passwords. Try again in ${minutes(wait)}.`);
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throttle.fail(key);
    throw invalid('currentPassword', 'That is not your current password.');
  }
  throttle.succeed(key);
  const passwordHash = await hashPassword(input.newPassword);
  await write(ctx, async (c) => {
    const changed = await replacePassword(c.trx, { tenantId: c.tenantId, id: user.id, credentialVersion: user.credential_version }, passwordHash, c.now);
    if (!changed) throw new AppError('CONFLICT', 'Your password was changed a moment ago, elsewhere. Sign in again.');
    return { result: null, audit: { entity: 'user', entityId: user.id, action: 'change_password' } };
  });
  ctx.core.sessions.renew(ctx.session.token, user.credential_version + 1);
  return { changed: true };
}

export interface PracticeInput {
  practiceName: string;
  currency: string;
  adminDisplayName: string;
  adminUsername: string;
  adminPassword: string;
  /** The administrator also treats patients (a small practice's dentist). */
  adminIsProvider?: boolean;
}

/** Creates a practice and its first administrator in one transaction. */
export async function createTenant(
  core: Core,
  workstation: string,
  input: PracticeInput,
  options: { firstRunOnly: boolean },
): Promise<{ tenantId: string; userId: string; credentialVersion: number }> {
  const passwordHash = await hashPassword(input.adminPassword);
  const tenantId = core.newId();
  const userId = core.newId();
  return change(core, { tenantId, userId, workstation }, async (c) => {
    // Checked inside the transaction so two first-run windows cannot both win.
    if (options.firstRunOnly && (await anyTenant(c.trx))) {
      throw new AppError('FORBIDDEN', 'This Chairside is already set up. Sign in instead.');
    }
    await insertTenant(c.trx, { id: tenantId, tenant_id: tenantId, name: input.practiceName, currency: input.currency, ...c.stamps() });
    await addStarterSchedule(c);
    await addUser(c, { id: userId, username: input.adminUsername, displayName: input.adminDisplayName, role: 'ADMIN', passwordHash, provider: input.adminIsProvider ?? false });
    return {
      result: { tenantId, userId, credentialVersion: 1 },
      audit: {
        entity: 'tenant',
        entityId: tenantId,
        action: 'create',
        after: { name: input.practiceName, currency: input.currency, admin: input.adminUsername, adminIsProvider: input.adminIsProvider ?? false },
      },
    };
  });
}

/** First run only: once a practice exists this channel refuses. The new administrator is signed in. */
export async function createPractice(ctx: CallContext, input: PracticeInput): Promise<SignedIn> {
  const { tenantId, userId, credentialVersion } = await createTenant(ctx.core, ctx.workstation, input, { firstRunOnly: true });
  const sessionToken = ctx.core.sessions.open({ userId, tenantId, credentialVersion });
  return { user: await sessionUser(ctx, userId), sessionToken };
}
