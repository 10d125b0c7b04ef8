/**
 * Channel -> service. The map is typed from the contract, so a channel
 * without a handler (or a handler with the wrong types) does not compile;
 * dispatch() is the only way in from any transport.
 */
import { ZodError } from 'zod';
import { type Channel, contract, isChannel, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import type { Envelope } from '../../shared/result';
import * as audit from './audit/audit.service';
import * as auth from './auth/auth.service';
import type { AuthedContext, CallContext, Core } from './context';
import { AppError } from './errors';
import * as patients from './patients/patients.service';
import * as procedures from './procedures/procedures.service';
import { procedureSummaryReport } from './reports/reports.service';
import * as users from './users/users.service';
import * as visits from './visits/visits.service';

type Handler<C extends Channel> = (
  ctx: Contract[C]['roles'] extends 'public' ? CallContext : AuthedContext,
  input: ParsedInputOf<C>,
) => Promise<OutputOf<C>> | OutputOf<C>;
type Contract = typeof contract;
export type Handlers = { [C in Channel]: Handler<C> };

export const handlers: Handlers = {
  'session.state': (ctx) => auth.sessionState(ctx),
  'setup.createPractice': (ctx, input) => auth.createPractice(ctx, input),
  'auth.signIn': (ctx, input) => auth.signIn(ctx, input),
  'auth.signOut': (ctx) => auth.signOut(ctx),

  'users.list': (ctx) => users.getUsers(ctx),
  'users.create': (ctx, input) => users.createUser(ctx, input),
  'users.providers': (ctx) => users.getProviders(ctx),

  'patients.search': (ctx, input) => patients.search(ctx, input),
  'patients.get': (ctx, input) => patients.get(ctx, input.id),
  'patients.create': (ctx, input) => patients.create(ctx, input),
  'patients.update': (ctx, input) => patients.update(ctx, input),
  'patients.archive': (ctx, input) => patients.archive(ctx, input),

  'visits.create': (ctx, input) => visits.create(ctx, input),
  'visits.update': (ctx, input) => visits.update(ctx, input),
  'visits.get': (ctx, input) => visits.get(ctx, input.id),
  'visits.listByPatient': (ctx, input) => visits.listByPatient(ctx, input),
  'visits.search': (ctx, input) => visits.search(ctx, input),

  'procedures.add': (ctx, input) => procedures.add(ctx, input),
  'procedures.update': (ctx, input) => procedures.update(ctx, input),
  'procedures.setStatus': (ctx, input) => procedures.setStatus(ctx, input),
  'procedures.remove': (ctx, input) => procedures.remove(ctx, input),

  'reports.procedureSummary': (ctx, input) => procedureSummaryReport(ctx, input),

  'audit.list': (ctx, input) => audit.listAudit(ctx, input),
  'audit.verify': (ctx) => audit.verifyAudit(ctx),
};

export interface CallMeta {
  sessionToken?: string | null | undefined;
  workstation: string;
}

function fail(code: AppError['code'], message: string, issues?: AppError['issues']): Envelope<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** Validates, authorises and runs one call. Never throws. */
export async function dispatch(core: Core, channel: string, rawInput: unknown, meta: CallMeta): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return fail('NOT_FOUND', `There is no channel called "${channel}".`);
  const def = contract[channel];
  const session = core.sessions.get(meta.sessionToken);
  if (def.roles !== 'public') {
    if (!session) return fail('UNAUTHENTICATED', 'Please sign in again.');
    if (!def.roles.includes(session.role)) return fail('FORBIDDEN', 'Your role does not allow this. Ask an administrator.');
  }
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return fail('VALIDATION', issues[0]?.message ?? 'The input is not valid.', issues);
  }
  const ctx: CallContext = { core, session, workstation: meta.workstation };
  try {
    const handler = handlers[channel] as (ctx: CallContext, input: unknown) => unknown;
    return { ok: true, data: await handler(ctx, parsed.data) };
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message, err.issues);
    if (err instanceof ZodError) return fail('VALIDATION', 'The input is not valid.');
    core.logError(err, channel);
    return fail('INTERNAL', 'Something went wrong on this computer. The error was logged; please try again.');
  }
}
