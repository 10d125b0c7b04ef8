/**
 * What a form holds after someone else saved the record first: a three-way
 * merge of what the form started from (base), what the user has now (mine)
 * and what is saved now (theirs), field by field.
 *
 * - a field the user did not touch takes the saved value (never written back stale);
 * - a field only the user changed keeps the user's value;
 * - a field both changed to the same value is simply that value;
 * - a field both changed differently is a clash: the user picks one, side by side,
 *   before the form can save.
 */
export type Values = Record<string, unknown>;

export interface Clash<K extends string = string> {
  field: K;
  mine: unknown;
  theirs: unknown;
}

export interface Merge<T extends Values> {
  /** The form's values after the merge (a clash holds the user's value until they choose). */
  values: T;
  clashes: Clash<Extract<keyof T, string>>[];
  /** Fields that took the saved value because the user had not changed them, and it differs. */
  updated: Extract<keyof T, string>[];
}

/** Structural equality for form values: strings, numbers, booleans, null, arrays and plain objects of them. */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // '' and null/undefined are one "empty" to a form field.
  const empty = (v: unknown) => v === '' || v === null || v === undefined;
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same((a as Values)[k], (b as Values)[k]));
  }
  return false;
}

export function mergeAfterConflict<T extends Values>(base: T, mine: T, theirs: T): Merge<T> {
  const values = { ...mine };
  const clashes: Merge<T>['clashes'] = [];
  const updated: Merge<T>['updated'] = [];
  for (const field of Object.keys(theirs) as Extract<keyof T, string>[]) {
    const userChanged = !same(mine[field], base[field]);
    const savedChanged = !same(theirs[field], base[field]);
    if (!savedChanged) continue;
    if (!userChanged) {
      values[field] = theirs[field];
      updated.push(field);
    } else if (!same(mine[field], theirs[field])) {
      clashes.push({ field, mine: mine[field], theirs: theirs[field] });
    }
  }
  return { values, clashes, updated };
}
