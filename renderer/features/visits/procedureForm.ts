import type { FieldErrors, Resolver } from 'react-hook-form';
import { procedureFields } from '../../../shared/contract';
import { minorDigits, moneyToDecimal, parseMoney } from '../../../shared/domain/money';
import type { Procedure } from '../../../shared/types';

/**
 * What the user edits: text as typed (fee "125.00", or "12500" in yen;
 * quantity "2"; duration "30"), converted only on submit. Nothing is rounded
 * or clamped on the way: a value the contract refuses is shown back with its
 * message, as typed, for the user to correct.
 */
export interface ProcedureFormValues {
  code: string;
  name: string;
  toothNumber: string;
  surfaces: string[];
  area: string | null;
  quantity: string;
  fee: string;
  /** Minutes, as typed; empty when not recorded. */
  duration: string;
  performedById: string | null;
  notes: string;
}

export type ProcedureField = keyof ProcedureFormValues;

export const PROCEDURE_FORM_FIELDS: ProcedureField[] = ['code', 'name', 'toothNumber', 'surfaces', 'area', 'quantity', 'fee', 'duration', 'performedById', 'notes'];
/** Contract field name -> form field name, for server issues. */
export const SERVER_FIELD_NAMES: Record<string, string> = { unitFee: 'fee', durationMinutes: 'duration' };

/** Each field's label on the form: the conflict alert and the history name fields the same way. */
export const PROCEDURE_FIELD_LABELS: Record<ProcedureField, string> = {
  code: 'Code',
  name: 'Description',
  toothNumber: 'Tooth',
  surfaces: 'Surfaces',
  area: 'Area',
  quantity: 'Quantity',
  fee: 'Fee',
  duration: 'Duration',
  performedById: 'Performed by',
  notes: 'Notes',
};

/** The largest duration the contract takes: a whole day. */
export const MAX_DURATION_MINUTES = 24 * 60;

export function emptyProcedureValues(performedById: string | null): ProcedureFormValues {
  return { code: '', name: '', toothNumber: '', surfaces: [], area: null, quantity: '1', fee: '', duration: '', performedById, notes: '' };
}

export function procedureToValues(p: Procedure, currency: string): ProcedureFormValues {
  return {
    code: p.code,
    name: p.name,
    toothNumber: p.toothNumber ?? '',
    surfaces: [...p.surfaces],
    area: p.area,
    quantity: String(p.quantity),
    fee: moneyToDecimal(p.unitFee, currency),
    duration: p.durationMinutes === null ? '' : String(p.durationMinutes),
    performedById: p.performedById,
    notes: p.notes ?? '',
  };
}

/** A whole number as typed: "2" -> 2, "1.5" -> 1.5 (for the contract to refuse), "", "x" or "1e3" -> NaN. */
export function parseQuantity(text: string): number {
  const t = text.trim();
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Minutes as typed: "" -> null (not recorded), "30" -> 30, "1.5" or "-5" as numbers (for the rules to refuse), "x" -> NaN. */
export function parseDuration(text: string): number | null {
  return text.trim() === '' ? null : parseQuantity(text);
}

/** The contract's input shape, before its own parsing (which trims, upper-cases codes, orders surfaces). */
export function toProcedureInput(v: ProcedureFormValues, currency: string) {
  return {
    code: v.code,
    name: v.name,
    // Tooth letters are stored upper-case; accept "a" for "A" at the keyboard.
    toothNumber: v.toothNumber.trim().toUpperCase() || null,
    surfaces: v.surfaces,
    area: v.area || null,
    quantity: parseQuantity(v.quantity),
    unitFee: parseMoney(v.fee, currency) ?? -1,
    durationMinutes: parseDuration(v.duration),
    performedById: v.performedById || null,
    notes: v.notes || null,
  };
}

/** The character `locale` writes between whole units and decimals: "." in en-US, "," in de-DE. */
function decimalSeparatorOf(locale: string): string {
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    return '.';
  }
}

/**
 * Why a fee as typed is refused, or null when it is an amount the contract
 * takes. One case parseMoney reads as thousands is refused here instead:
 * "95.555" in a practice that writes "." for decimals is a slip of the
 * finger, not ninety-five thousand dollars.
 */
export function feeProblem(text: string, currency: string, locale = 'en-US'): string | null {
  const example = moneyToDecimal(12500, currency);
  const t = text.trim();
  if (!t) return `Enter the fee, like ${example} (0 if free).`;
  if (/^[-\u2212]/.test(t) && parseMoney(t, currency, { allowNegative: true }) !== null) return 'A fee cannot be negative.';
  const digits = minorDigits(currency);
  const decimal = decimalSeparatorOf(locale);
  const threeAfterDecimal = t.split(decimal).length === 2 && new RegExp(`^\\d+\\${decimal}\\d{3}$`).test(t);
  if (parseMoney(t, currency) === null || (threeAfterDecimal && digits < 3)) {
    return digits === 0
      ? `Enter the fee as a whole amount in ${currency}, like ${example}.`
      : `Enter the fee as an amount in ${currency} with at most ${digits} decimals, like ${example}.`;
  }
  return null;
}

/** Why a duration as typed is refused, or null (empty is fine: not recorded). */
export function durationProblem(text: string): string | null {
  const minutes = parseDuration(text);
  if (minutes === null) return null;
  if (Number.isNaN(minutes)) return 'Enter the duration in whole minutes, like 30.';
  if (!Number.isInteger(minutes)) return 'Duration is in whole minutes.';
  if (minutes < 0) return 'Duration cannot be negative.';
  if (minutes > MAX_DURATION_MINUTES) return `Duration is at most ${MAX_DURATION_MINUTES.toLocaleString('en-US')} minutes (a whole day).`;
  return null;
}

/**
 * Validates with the same `procedureFields` schema the main process uses, so
 * "Tooth 8 is a front tooth: use I…" appears under Surfaces, and "Quantity
 * must be at least 1." under Quantity, before any round trip.
 */
export const procedureResolver = (currency: string, locale?: string): Resolver<ProcedureFormValues> => (values) => {
  const errors: Partial<Record<ProcedureField, { type: string; message: string }>> = {};
  const input = toProcedureInput(values, currency);
  // Not a number at all: the schema would only say "expected number".
  if (Number.isNaN(input.quantity)) errors.quantity = { type: 'validation', message: 'Enter the quantity as a whole number, like 1.' };
  const fee = feeProblem(values.fee, currency, locale);
  if (fee) errors.fee = { type: 'validation', message: fee };
  const duration = durationProblem(values.duration);
  if (duration) errors.duration = { type: 'validation', message: duration };
  const result = procedureFields.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const top = String(issue.path[0] ?? '');
      const name = (SERVER_FIELD_NAMES[top] ?? top) as ProcedureField;
      if (PROCEDURE_FORM_FIELDS.includes(name) && !errors[name]) errors[name] = { type: 'validation', message: issue.message };
    }
  }
  if (Object.keys(errors).length > 0) {
    return { values: {}, errors: errors as FieldErrors<ProcedureFormValues> };
  }
  return { values, errors: {} };
};
