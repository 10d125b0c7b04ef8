import type { FieldErrors, Resolver } from 'react-hook-form';
import { feeScheduleFields } from '../../../shared/contract';
import { parseSurfaceCount, type SiteKind } from '../../../shared/domain/fee-schedule';
import { moneyToDecimal, parseMoney } from '../../../shared/domain/money';
import type { FeeScheduleEntry } from '../../../shared/types';
import { feeProblem } from '../visits/procedureForm';

/**
 * What the administrator edits: text as typed (fee "250.00", minutes "50",
 * surfaces "", "3" or "4+"), converted only on submit. Nothing is rounded,
 * clamped or guessed on the way: what the contract refuses is shown back
 * with its message, as typed. `retired` is not on the form (Retire and
 * Restore are row actions) but travels with it, so an edit keeps it and a
 * reload after a conflict brings a colleague's retirement in.
 */
export interface FeeFormValues {
  code: string;
  shortName: string;
  defaultFee: string;
  /** Minutes, as typed; empty when the code has no usual time. */
  defaultMinutes: string;
  siteKind: SiteKind;
  /** "", "3" or "4+". */
  surfaces: string;
  retired: boolean;
}

export type FeeField = keyof FeeFormValues;

export const FEE_FORM_FIELDS: FeeField[] = ['code', 'shortName', 'defaultFee', 'defaultMinutes', 'siteKind', 'surfaces', 'retired'];
/** Contract field name -> form field name, for the contract's and the server's issues. */
export const FEE_SERVER_FIELD_NAMES: Record<string, FeeField> = { surfaceCount: 'surfaces', surfaceCountOrMore: 'surfaces' };

/** Each field's label on the form: the conflict alert names fields the same way. */
export const FEE_FIELD_LABELS: Record<FeeField, string> = {
  code: 'Code',
  shortName: 'Short name',
  defaultFee: 'Default fee',
  defaultMinutes: 'Default minutes',
  siteKind: 'Site',
  surfaces: 'Surfaces',
  retired: 'Retired',
};

/** The largest number of minutes the contract takes: a whole day. */
const MAX_MINUTES = 24 * 60;

/** "3", "4 or more", or "" for a code that is not for a number of surfaces. */
export function surfacesText(e: Pick<FeeScheduleEntry, 'surfaceCount' | 'surfaceCountOrMore'>): string {
  if (e.surfaceCount === null) return '';
  return `${e.surfaceCount}${e.surfaceCountOrMore ? ' or more' : ''}`;
}

export function emptyFeeValues(): FeeFormValues {
  return { code: '', shortName: '', defaultFee: '', defaultMinutes: '', siteKind: 'tooth', surfaces: '', retired: false };
}

export function entryToValues(e: FeeScheduleEntry, currency: string): FeeFormValues {
  return {
    code: e.code,
    shortName: e.shortName,
    defaultFee: moneyToDecimal(e.defaultFee, currency),
    defaultMinutes: e.defaultMinutes === null ? '' : String(e.defaultMinutes),
    siteKind: e.siteKind,
    surfaces: e.surfaceCount === null ? '' : `${e.surfaceCount}${e.surfaceCountOrMore ? '+' : ''}`,
    retired: e.retiredAt !== null,
  };
}

/** Minutes as typed: "" -> null (no usual time), "30" -> 30, "1.5" or "-5" as numbers (for the contract to refuse), "x" -> NaN. */
export function parseMinutes(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Why the minutes as typed are refused, or null (empty is fine). */
export function minutesProblem(text: string): string | null {
  const minutes = parseMinutes(text);
  if (minutes === null) return null;
  if (Number.isNaN(minutes)) return 'Enter the minutes as a whole number, like 30, or leave it empty.';
  if (!Number.isInteger(minutes)) return 'Minutes are a whole number.';
  if (minutes < 0) return 'Minutes cannot be negative.';
  if (minutes > MAX_MINUTES) return `At most ${MAX_MINUTES.toLocaleString('en-US')} minutes (a whole day).`;
  return null;
}

/** Why the surfaces as typed are refused for this site, or null. */
export function surfacesProblem(text: string, siteKind: SiteKind): string | null {
  if (text.trim() === '') return null;
  if (siteKind !== 'surfaces') return 'Only a code charted on tooth and surfaces has a number of surfaces: leave it empty.';
  if (parseSurfaceCount(text) === null) return 'Enter 1 to 6 surfaces, or 4+ for “4 or more”; leave it empty for any number.';
  return null;
}

/** The contract's input shape, before its own parsing (which trims and writes 2393 as D2393). */
export function toFeeScheduleInput(v: FeeFormValues, currency: string) {
  const count = parseSurfaceCount(v.surfaces ?? '') ?? { surfaceCount: null, surfaceCountOrMore: false };
  return {
    code: v.code,
    shortName: v.shortName,
    defaultFee: parseMoney(v.defaultFee, currency) ?? -1,
    defaultMinutes: parseMinutes(v.defaultMinutes),
    siteKind: v.siteKind,
    surfaceCount: count.surfaceCount,
    surfaceCountOrMore: count.surfaceCountOrMore,
    retired: v.retired,
  };
}

/**
 * Validates with the same `feeScheduleFields` schema the main process uses,
 * after the checks of what was typed (an amount, whole minutes, "4+"), so
 * every refusal sits under its field before any round trip.
 */
export const feeScheduleResolver =
  (currency: string, locale?: string): Resolver<FeeFormValues> =>
  (values) => {
    const errors: Partial<Record<FeeField, { type: string; message: string }>> = {};
    const fee = feeProblem(values.defaultFee, currency, locale);
    if (fee) errors.defaultFee = { type: 'validation', message: fee };
    const minutes = minutesProblem(values.defaultMinutes);
    if (minutes) errors.defaultMinutes = { type: 'validation', message: minutes };
    const surfaces = surfacesProblem(values.surfaces ?? '', values.siteKind);
    if (surfaces) errors.surfaces = { type: 'validation', message: surfaces };
    const result = feeScheduleFields.safeParse(toFeeScheduleInput(values, currency));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const top = String(issue.path[0] ?? '');
        const name = FEE_SERVER_FIELD_NAMES[top] ?? (top as FeeField);
        if (FEE_FORM_FIELDS.includes(name) && !errors[name]) errors[name] = { type: 'validation', message: issue.message };
      }
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<FeeFormValues> };
    return { values, errors: {} };
  };

/** Whether an entry matches what was typed in the search box: every word in its code or short name ("2393", "composite 3"). */
export function entryMatches(e: Pick<FeeScheduleEntry, 'code' | 'shortName'>, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = `${e.code} ${e.shortName}`.toLowerCase();
  return words.every((w) => text.includes(w));
}
