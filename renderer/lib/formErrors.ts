import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../api';

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
