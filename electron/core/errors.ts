import type { ErrorCode, FieldIssue } from '../../shared/result';

/** A failure the caller can act on; anything else becomes INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Not in this practice (or not at all); with a path, the form can show it under the field. */
export const notFound = (what: string, path?: string) =>
  new AppError('NOT_FOUND', `${what} was not found.`, path ? [{ path, message: `${what} was not found.` }] : undefined);
export const conflict = (what: string) =>
  new AppError('CONFLICT', `Someone else changed this ${what} a moment ago. Reload to see their change.`);
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, [{ path, message }]);
export const illegal = (message: string) => new AppError('ILLEGAL_TRANSITION', message);

/** The one answer every write to an archived patient's chart gets, whatever it tried to change. */
export const archivedChart = (patient: { first_name: string; last_name: string }) =>
  new AppError(
    'ARCHIVED',
    `${patient.first_name} ${patient.last_name} is archived, so their chart is read-only. An administrator can restore them.`,
  );
