import { Alert, Box, Button, Group, Text } from '@mantine/core';
import { IconRefresh, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  /** "procedure", "patient" … */
  noun: string;
  onReload: () => void;
  reloading: boolean;
  /** After a reload: what is saved now, shown beside the user's own typing. */
  saved?: ReactNode;
}

/**
 * Someone else saved first. The user's typing stays in the form; reloading only
 * fetches the newer version (and shows it here) so they can decide and save again.
 */
export function ConflictAlert({ noun, onReload, reloading, saved }: Props) {
  return (
    <Alert color="orange" variant="light" icon={<IconUsers size={18} />} title={`Someone else changed this ${noun} a moment ago.`} data-testid="conflict-alert" role="alert">
      {saved ? (
        <Box>
          <Text size="sm">Their version is now loaded. Your changes are still in the form: check them and save again.</Text>
          <Box mt={6} p={8} bg="white" style={{ borderRadius: 4 }} fz="sm">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={2}>
              Saved now
            </Text>
            {saved}
          </Box>
        </Box>
      ) : (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">Reload to see their version. What you typed stays in the form.</Text>
          <Button size="xs" variant="white" color="orange" style={{ flexShrink: 0 }} leftSection={<IconRefresh size={14} />} onClick={onReload} loading={reloading}>
            Reload
          </Button>
        </Group>
      )}
    </Alert>
  );
}
