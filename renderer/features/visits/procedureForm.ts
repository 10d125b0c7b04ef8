import type { FieldErrors, Resolver } from 'react-hook-form';
import { procedureFields } from '../../../shared/contract';
import { moneyToDecimal, parseMoney } from '../../../shared/domain/money';
import type { Procedure } from '../../../shared/types';

/**
 * What the user edits: text as typed (fee "125.00", or "12500" in yen;
 * quantity "2"), converted only on submit. Nothing is rounded or clamped on
 * the way: a value the contract refuses is shown back with its message.
 */
export interface ProcedureFormValues {
  code: string;
  name: string;
  toothNumber: string;
  surfaces: string[];
  area: string | null;
  quantity: string;
  fee: string;
  performedById: string | null;
  notes: string;
}

export const PROCEDURE_FORM_FIELDS = ['code', 'name', 'toothNumber', 'surfaces', 'area', 'quantity', 'fee', 'performedById', 'notes'];
/** Contract field name -> form field name, for server issues. */
export const SERVER_FIELD_NAMES: Record<string, string> = { unitFee: 'fee' };

export function emptyProcedureValues(performedById: string | null): ProcedureFormValues {
  return { code: '', name: '', toothNumber: '', surfaces: [], area: null, quantity: '1', fee: '', performedById, notes: '' };
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
    performedById: p.performedById,
    notes: p.notes ?? '',
  };
}

/** A quantity as typed, as a number: "2" -> 2, "1.5" -> 1.5 (for the contract to refuse), "", "x" or "1e3" -> NaN. */
export function parseQuantity(text: string): number {
  const t = text.trim();
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
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
    performedById: v.performedById || null,
    notes: v.notes || null,
  };
}

/**
 * Validates with the same `procedureFields` schema the main process uses, so
 * "Tooth 8 is a front tooth: use I…" appears under Surfaces, and "Quantity
 * must be at least 1." under Quantity, before any round trip.
 */
export const procedureResolver = (currency: string): Resolver<ProcedureFormValues> => (values) => {
  const errors: Record<string, { type: string; message: string }> = {};
  const input = toProcedureInput(values, currency);
  // Not a number at all: the schema would only say "expected number".
  if (Number.isNaN(input.quantity)) errors.quantity = { type: 'validation', message: 'Enter the quantity as a whole number, like 1.' };
  const result = procedureFields.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const top = String(issue.path[0] ?? '');
      const name = SERVER_FIELD_NAMES[top] ?? top;
      if (PROCEDURE_FORM_FIELDS.includes(name) && !errors[name]) errors[name] = { type: 'validation', message: issue.message };
    }
  }
  if (parseMoney(values.fee, currency) === null) {
    const example = moneyToDecimal(12500, currency);
    errors.fee = {
      type: 'validation',
      message: values.fee.trim() ? `Enter the fee as an amount in ${currency}, like ${example}.` : `Enter the fee, like ${example} (0 if free).`,
    };
  }
  if (Object.keys(errors).length > 0) {
    return { values: {}, errors: errors as FieldErrors<ProcedureFormValues> };
  }
  return { values, errors: {} };
};
