import { notifications } from '@mantine/notifications';
import type { ErrorCode } from '../../shared/result';
import { ApiError } from '../api';

/** Success is quiet: a short toast that leaves on its own. */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 2500, withBorder: true });
}

const TITLES: Record<ErrorCode, string> = {
  VALIDATION: 'Please check the form',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Changed by someone else',
  ILLEGAL_TRANSITION: 'That step is not possible',
  LOCKED: 'Locked',
  ARCHIVED: 'Archived patient',
  NEEDS_CONFIRMATION: 'Please confirm',
  FORBIDDEN: 'Not allowed',
  UNAUTHENTICATED: 'Signed out',
  INTERNAL: 'Something went wrong',
};

/** Errors that have no field to sit under: show the server's own words. */
export function notifyError(err: unknown): void {
  const error = err instanceof ApiError ? err : new ApiError('INTERNAL', String(err));
  notifications.show({
    title: TITLES[error.code],
    message: error.message,
    color: 'red',
    autoClose: 8000,
    withBorder: true,
  });
}
