/**
 * Every channel's handler, merged from the features (each exports the
 * handlers of its own channels, typed so a missing one does not compile),
 * and dispatch(): the only way in from any transport.
 */
import { ZodError } from 'zod';
import { type Channel, contract, isChannel, mayCall } from '../../shared/contract';
import type { Envelope } from '../../shared/result';
import { auditHandlers } from './audit/audit.handlers';
import { authHandlers } from './auth/auth.handlers';
import { chartHandlers } from './chart/chart.handlers';
import { feeScheduleHandlers } from './fee-schedule/fee-schedule.handlers';
import { labCaseHandlers } from './lab-cases/lab-cases.handlers';
import { labHandlers } from './labs/labs.handlers';
import { resolveSession, type SessionEnd } from './auth/auth.service';
import type { CallContext, Core } from './context';
import { AppError } from './errors';
import type { HandlersFor } from './handler';
import { patientHandlers } from './patients/patients.handlers';
import { procedureHandlers } from './procedures/procedures.handlers';
import { reportHandlers } from './reports/reports.handlers';
import { suppliesHandlers } from './supplies/supplies.handlers';
import { practiceHandlers } from './tenants/practice.handlers';
import { userHandlers } from './users/users.handlers';
import { visitHandlers } from './visits/visits.handlers';

export type Handlers = HandlersFor<Channel>;

export const handlers: Handlers = {
  ...authHandlers,
  ...userHandlers,
  ...practiceHandlers,
  ...patientHandlers,
  ...visitHandlers,
  ...procedureHandlers,
  ...feeScheduleHandlers,
  ...chartHandlers,
  ...labHandlers,
  ...labCaseHandlers,
  ...suppliesHandlers,
  ...reportHandlers,
  ...auditHandlers,
};

export interface CallMeta {
  sessionToken?: string | null | undefined;
  workstation: string;
}

function fail(code: AppError['code'], message: string, issues?: AppError['issues']): Envelope<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

const SIGNED_OUT: Record<SessionEnd | 'none', string> = {
  none: 'Please sign in.',
  expired: 'Your session ended. Please sign in again.',
  inactive: 'Your account is no longer active. Ask an administrator.',
  credentials: 'Your password was changed. Please sign in with the new one.',
};

/** Validates, authorises and runs one call. Never throws. */
export async function dispatch(core: Core, channel: string, rawInput: unknown, meta: CallMeta): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(channel)) return fail('NOT_FOUND', `There is no channel called "${channel.slice(0, 80)}".`);
    const def = contract[channel];
    const { session, ended } = await resolveSession(core, meta.sessionToken);
    if (def.roles !== 'public') {
      if (!session) return fail('UNAUTHENTICATED', SIGNED_OUT[ended ?? 'none']);
      if (!mayCall(channel, session.role)) return fail('FORBIDDEN', 'Your role does not allow this. Ask an administrator.');
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return fail('VALIDATION', issues[0]?.message ?? 'The input is not valid.', issues);
    }
    const ctx: CallContext = { core, session, workstation: meta.workstation };
    const handler = handlers[channel] as (ctx: CallContext, input: unknown) => unknown;
    return { ok: true, data: await handler(ctx, parsed.data) };
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message, err.issues);
    if (err instanceof ZodError) return fail('VALIDATION', 'The input is not valid.');
    core.logError(err, channel);
    return fail('INTERNAL', 'Something went wrong on this computer. The error was logged; please try again.');
  }
}
