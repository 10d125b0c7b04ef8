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

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const conflict = (what: string) =>
  new AppError('CONFLICT', `Someone else changed this ${what} a moment ago. Reload to see their change.`);
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, [{ path, message }]);
