/**
 * The one API between renderer and main. Each channel: a zod input schema
 * (parsed in the main process, reused by renderer forms), the output type,
 * and the roles allowed to call it ('public' needs no session).
 * Handlers, the renderer client and browser-mode routes are all typed from this.
 */
import { z } from 'zod';
import { isIsoDate, isTimeOfDay } from './domain/dates';
import { ROLES, type Role } from './domain/roles';
import { PROCEDURE_STATUSES, VISIT_STATUSES } from './domain/status';
import { AREAS, checkSite, SURFACES } from './domain/teeth';
import type * as T from './types';

const ALL: readonly Role[] = ROLES;
const CLINICAL: readonly Role[] = ['ADMIN', 'DENTIST', 'HYGIENIST', 'ASSISTANT'];

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  roles: readonly Role[] | 'public';
  /** Phantom: carries the output type only. */
  output?: O;
}
function channel<O>() {
  return <I extends z.ZodType>(def: { input: I; roles: readonly Role[] | 'public' }): ChannelDef<I, O> => def;
}

// ---- field schemas, shared by forms and handlers -------------------------

const id = z.string().uuid('Not a valid id.');
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const required = (label: string, max: number) => text(max).min(1, `${label} is required.`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
export const isoDate = z.string().refine(isIsoDate, 'Use a real date, YYYY-MM-DD.');
const timeOfDay = z.string().refine(isTimeOfDay, 'Use a time like 09:30.');
const pageInput = {
  page: z.number().int().min(1).default(1),
  size: z.number().int().min(1).max(200).default(25),
};
const money = z
  .number()
  .int('Amounts are whole cents.')
  .min(0, 'A fee cannot be negative.')
  .max(100_000_000, 'That fee is too large.');

export const password = z.string().min(10, 'Use at least 10 characters.').max(200);
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Use 3-40 letters, digits, dots, dashes or underscores.');

export const patientFields = z.object({
  firstName: required('First name', 100),
  lastName: required('Last name', 100),
  dateOfBirth: isoDate,
  chartNumber: text(20).regex(/^[A-Za-z0-9-]*$/, 'Letters, digits and dashes only.').optional(),
  phone: optionalText(40),
  email: z
    .union([z.literal(''), z.string().trim().email('Not an email address.')])
    .nullish()
    .transform((v) => (v ? v : null)),
  alerts: optionalText(500),
});

const site = {
  toothNumber: z.string().trim().nullish().transform((v) => (v ? v : null)),
  surfaces: z.array(z.string()).max(8).default([]),
  area: z.string().nullish().transform((v) => (v ? v : null)),
};

function refineSite(value: { toothNumber?: string | null; surfaces?: string[]; area?: string | null }, ctx: z.RefinementCtx) {
  for (const issue of checkSite(value).issues) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
}

export const procedureFields = z
  .object({
    code: required('Code', 20).transform((s) => s.toUpperCase()),
    name: required('Description', 200),
    ...site,
    quantity: z.number().int().min(1, 'Quantity must be at least 1.').max(999).default(1),
    unitFee: money,
    durationMinutes: z.number().int().min(0).max(24 * 60).nullish().transform((v) => v ?? null),
    performedById: id.nullish().transform((v) => v ?? null),
    notes: optionalText(2000),
  })
  .superRefine(refineSite);

const sortDir = z.enum(['asc', 'desc']);
export const VISIT_SORT_FIELDS = ['date', 'totalCost', 'procedureCount', 'createdAt'] as const;
const visitSort = z
  .string()
  .default('date,desc')
  .transform((s, ctx) => {
    const [field, dir = 'asc'] = s.split(',');
    const f = z.enum(VISIT_SORT_FIELDS).safeParse(field);
    const d = sortDir.safeParse(dir);
    if (!f.success || !d.success) {
      ctx.addIssue({ code: 'custom', message: `Sort by one of ${VISIT_SORT_FIELDS.join(', ')}, then asc or desc.` });
      return z.NEVER;
    }
    return { field: f.data, dir: d.data };
  });

// ---- channels -------------------------------------------------------------

export const contract = {
  'session.state': channel<T.SessionState>()({ input: z.object({}), roles: 'public' }),
  'setup.createPractice': channel<T.SignedIn>()({
    input: z.object({
      practiceName: required('Practice name', 120),
      currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, e.g. USD.'),
      adminDisplayName: required('Your name', 100),
      adminUsername: username,
      adminPassword: password,
    }),
    roles: 'public',
  }),
  'auth.signIn': channel<T.SignedIn>()({
    input: z.object({ username: z.string().trim().toLowerCase().min(1, 'Enter your username.'), password: z.string().min(1, 'Enter your password.') }),
    roles: 'public',
  }),
  'auth.signOut': channel<{ signedOut: true }>()({ input: z.object({}), roles: ALL }),

  'users.list': channel<T.User[]>()({ input: z.object({}), roles: ['ADMIN'] }),
  'users.create': channel<T.User>()({
    input: z.object({
      username,
      displayName: required('Name', 100),
      role: z.enum(ROLES),
      password,
    }),
    roles: ['ADMIN'],
  }),
  'users.providers': channel<T.Provider[]>()({ input: z.object({}), roles: ALL }),

  'patients.search': channel<T.Page<T.Patient>>()({
    input: z.object({
      query: text(100).default(''),
      includeArchived: z.boolean().default(false),
      ...pageInput,
    }),
    roles: ALL,
  }),
  'patients.get': channel<T.Patient>()({ input: z.object({ id }), roles: ALL }),
  'patients.create': channel<T.Patient>()({ input: patientFields, roles: ALL }),
  'patients.update': channel<T.Patient>()({
    input: patientFields.extend({ id, version }),
    roles: ALL,
  }),
  'patients.archive': channel<T.Patient>()({
    input: z.object({ id, version }),
    roles: ['ADMIN', 'DENTIST', 'FRONT_DESK'],
  }),

  'visits.create': channel<T.VisitSummary>()({
    input: z.object({
      patientId: id,
      appointmentId: id.nullish().transform((v) => v ?? null),
      providerId: id,
      date: isoDate,
      time: timeOfDay.nullish().transform((v) => v ?? null),
      notes: optionalText(4000),
    }),
    roles: ALL,
  }),
  'visits.update': channel<T.VisitSummary>()({
    input: z.object({
      id,
      version,
      providerId: id,
      date: isoDate,
      time: timeOfDay.nullish().transform((v) => v ?? null),
      notes: optionalText(4000),
    }),
    roles: ALL,
  }),
  'visits.get': channel<T.VisitDetails>()({ input: z.object({ id }), roles: ALL }),
  'visits.listByPatient': channel<T.Page<T.VisitSummary>>()({
    input: z.object({ patientId: id, ...pageInput, sort: visitSort }),
    roles: ALL,
  }),
  'visits.search': channel<T.Page<T.VisitSummary>>()({
    input: z
      .object({
        status: z.enum(VISIT_STATUSES).optional(),
        providerId: id.optional(),
        code: text(20).toUpperCase().optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        ...pageInput,
        sort: visitSort,
      })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'The end date is before the start date.' }),
    roles: ALL,
  }),

  'procedures.add': channel<T.Procedure>()({
    input: procedureFields.and(
      z.object({ visitId: id, correctsProcedureId: id.nullish().transform((v) => v ?? null) }),
    ),
    roles: CLINICAL,
  }),
  'procedures.update': channel<T.Procedure>()({
    input: procedureFields.and(z.object({ id, version })),
    roles: CLINICAL,
  }),
  'procedures.setStatus': channel<T.Procedure>()({
    input: z.object({ id, version, status: z.enum(PROCEDURE_STATUSES) }),
    roles: CLINICAL,
  }),
  'procedures.remove': channel<{ id: string }>()({
    input: z.object({ id, version }),
    roles: ['ADMIN', 'DENTIST', 'HYGIENIST'],
  }),

  'reports.procedureSummary': channel<T.ProcedureSummaryReport>()({
    input: z
      .object({ from: isoDate, to: isoDate })
      .refine((v) => v.from <= v.to, { path: ['to'], message: 'The end date is before the start date.' }),
    roles: ['ADMIN', 'DENTIST'],
  }),

  'audit.list': channel<T.Page<T.AuditEvent>>()({
    input: z.object({ entityId: id.optional(), patientId: id.optional(), ...pageInput }),
    roles: ['ADMIN'],
  }),
  'audit.verify': channel<T.AuditVerification>()({ input: z.object({}), roles: ['ADMIN'] }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = NonNullable<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

/** Whether a role may call a channel: the same answer dispatch() gives, for hiding what would be refused. */
export function mayCall(channel: Channel, role: Role | null | undefined): boolean {
  const roles = contract[channel].roles;
  return roles === 'public' || (role != null && roles.includes(role));
}

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

export { AREAS, SURFACES };
