/**
 * How a channel is declared, and the field schemas features share. Every
 * text field has a limit that fits its meaning, so nothing unbounded reaches
 * the database or the audit trail.
 */
import { z } from 'zod';
import { isIsoDate, isTimeOfDay } from '../domain/dates';
import { ROLES, type Role } from '../domain/roles';

export const ALL: readonly Role[] = ROLES;
export const CLINICAL: readonly Role[] = ['ADMIN', 'DENTIST', 'HYGIENIST', 'ASSISTANT'];
export const ADMIN_ONLY: readonly Role[] = ['ADMIN'];

type Roles = readonly Role[] | 'public';

export interface ChannelDef<I extends z.ZodType, O, R extends Roles = Roles> {
  input: I;
  /** Kept as written ('public' stays 'public'), so a public channel's handler is typed to run without a session. */
  roles: R;
  /** Changes data: recorded in the audit trail, refused on an archived chart. */
  writes: boolean;
  /** Phantom: carries the output type only. */
  output?: O;
}

export function channel<O>() {
  return <I extends z.ZodType, const R extends Roles>(def: { input: I; roles: R; writes?: true }): ChannelDef<I, O, R> => ({
    ...def,
    writes: def.writes ?? false,
  });
}

export const id = z.string().uuid('Not a valid id.');
export const version = z.number().int().min(1);
export const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
export const required = (label: string, max: number) => text(max).min(1, `${label} is required.`);
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
/** Digits with the usual punctuation of a phone number, and an extension ("x12"). */
const PHONE = /^\+?[\d\s().-]{3,}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;
export const phone = optionalText(40).refine(
  (v) => v === null || (PHONE.test(v) && /\d{3}/.test(v.replace(/\D/g, ''))),
  'Not a phone number: use digits, spaces, + - ( ) and x for an extension.',
);
export const email = z
  .union([z.literal(''), z.string().trim().max(254, 'An email address has at most 254 characters.').email('Not an email address.')])
  .nullish()
  .transform((v) => (v ? v : null));
export const optionalId = id.nullish().transform((v) => v ?? null);
export const isoDate = z.string().max(10, 'Use a real date, YYYY-MM-DD.').refine(isIsoDate, 'Use a real date, YYYY-MM-DD.');
export const timeOfDay = z.string().max(5, 'Use a time like 09:30.').refine(isTimeOfDay, 'Use a time like 09:30.');

/** Deep pages are refused rather than asked of SQLite as an offset past any practice's data. */
export const MAX_PAGE = 100_000;
export const pageInput = {
  page: z.number().int().min(1).max(MAX_PAGE, 'That page is too far.').default(1),
  size: z.number().int().min(1).max(200).default(25),
};

/**
 * Whole minor units of the practice's currency (cents, yen, fils). The cap
 * is wide enough for currencies with large numbers (a crown in rupiah or
 * Lebanese pounds), and fee x quantity x a visit's procedures stays an exact
 * integer far below 2^53.
 */
export const money = z
  .number()
  .int('Amounts are whole minor units (e.g. cents).')
  .min(0, 'A fee cannot be negative.')
  .max(1_000_000_000_000, 'That fee is too large.');

export const password = z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.');
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Use 3-40 letters, digits, dots, dashes or underscores.');
export const displayName = required('Name', 100);
export const role = z.enum(ROLES);
