/**
 * The envelope every channel answers with, on every transport. No exception
 * crosses the boundary: the main process turns failures into one of these
 * codes, and the renderer turns them back into a typed ApiError.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'LOCKED',
  'ARCHIVED',
  /** Allowed, but unusual enough to ask first (a second visit the same day): send again with the confirmation. */
  'NEEDS_CONFIRMATION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending input field, '' for the whole input. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** HTTP status used by browser mode for each code (the envelope is the truth). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  LOCKED: 423,
  ARCHIVED: 423,
  NEEDS_CONFIRMATION: 409,
  INTERNAL: 500,
};
