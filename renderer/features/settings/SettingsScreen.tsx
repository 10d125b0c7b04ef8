import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconUsers } from '@tabler/icons-react';
import { Link } from 'wouter';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { PageHeader } from '../../ui/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from '../session/session.store';
import { mayCall } from '../../../shared/contract';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Group>
  );
}

export function SettingsScreen() {
  const user = useSession((s) => s.user);
  const workstation = useSession((s) => s.workstation);
  if (!user) return null;
  return (
    <>
      <PageHeader title="Settings" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Text fw={600} mb="xs">
            Practice
          </Text>
          <Row label="Name" value={user.practiceName} />
          <Row label="Currency" value={user.currency} />
          <Row label="This workstation" value={workstation} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text fw={600} mb="xs">
            You
          </Text>
          <Row label="Name" value={user.displayName} />
          <Row label="Username" value={user.username} />
          <Row label="Role" value={ROLE_LABELS[user.role]} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text fw={600} mb="xs">
            Your password
          </Text>
          <ChangePasswordForm />
        </Paper>
        {mayCall('users.list', user.role) ? (
          <Paper withBorder p="md" radius="md">
            <Text fw={600} mb="xs">
              Administration
            </Text>
            <Stack gap="xs" align="flex-start">
              <Button component={Link} href="/settings/users" variant="light" leftSection={<IconUsers size={16} />}>
                Manage users
              </Button>
              <Button component={Link} href="/settings/audit" variant="light" leftSection={<IconShieldCheck size={16} />}>
                Audit log
              </Button>
            </Stack>
          </Paper>
        ) : null}
      </SimpleGrid>
    </>
  );
}
