import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ApiError } from '../api';

/** For a whole screen that could not load: the server's own words. */
export function ErrorAlert({ error, title = 'Could not load this' }: { error: ApiError; title?: string }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} mb="md">
      {error.message}
    </Alert>
  );
}
