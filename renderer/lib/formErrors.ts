import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ErrorCode } from '../../shared/result';
import { ApiError } from '../api';
import { notifyError } from './notify';

/**
 * Puts the server's VALIDATION issues under the matching fields. Returns the
 * messages that have no field on this form, so the caller can show them above.
 */
export function applyServerIssues<T extends FieldValues>(
  err: ApiError,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  rename: Record<string, string> = {},
): string[] {
  const leftover: string[] = [];
  for (const issue of err.issues) {
    const top = issue.path.split('.')[0] ?? '';
    const name = rename[top] ?? top;
    if (fields.includes(name)) setError(name as Path<T>, { type: 'server', message: issue.message });
    else leftover.push(issue.message);
  }
  if (err.issues.length === 0) leftover.push(err.message);
  return leftover;
}

export interface SaveErrorHandling<T extends FieldValues> {
  setError: UseFormSetError<T>;
  /** The form's field names; server paths are mapped through `rename` first. */
  fields: readonly string[];
  rename?: Record<string, string>;
  /** Where a message that belongs to no field of this form goes (above the form); a toast otherwise. */
  setFormError?: (message: string | null) => void;
  /** What the form does for other codes, e.g. CONFLICT: show the conflict alert, LOCKED: offer a correction. */
  on?: Partial<Record<ErrorCode, (err: ApiError) => void>>;
}

/**
 * What every form does with a refused save: messages about a field (a broken
 * rule, or an id that is not in this practice) under that field, the rest
 * above the form, the codes the form handles itself to it, anything else as
 * a toast in the server's own words.
 */
export function handleSaveError<T extends FieldValues>(err: unknown, h: SaveErrorHandling<T>): void {
  if (!(err instanceof ApiError)) {
    notifyError(err);
    return;
  }
  const own = h.on?.[err.code];
  if (own) {
    own(err);
    return;
  }
  if (err.code === 'VALIDATION' || (err.code === 'NOT_FOUND' && err.issues.length > 0)) {
    const rest = applyServerIssues(err, h.setError, h.fields, h.rename)[0] ?? null;
    if (h.setFormError) h.setFormError(rest);
    else if (rest) notifyError(new ApiError(err.code, rest));
    return;
  }
  notifyError(err);
}
