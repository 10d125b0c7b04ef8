import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBuildingFactory2, IconListDetails, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import { Link } from 'wouter';
import { mayCall } from '../../../shared/contract';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { useFormat } from '../../lib/format';
import { PageHeader } from '../../ui/PageHeader';
import { useSession } from '../session/session.store';
import { ChangePasswordForm } from './ChangePasswordForm';
import { FormatPreview, PracticeSettingsCard } from './PracticeSettingsForm';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between" py={6} gap="md" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} ta="right">
        {value}
      </Text>
    </Group>
  );
}

export function SettingsScreen() {
  const user = useSession((s) => s.user);
  const workstation = useSession((s) => s.workstation);
  const fmt = useFormat();
  if (!user) return null;
  const canChangePractice = mayCall('practice.update', user.role);
  return (
    <>
      <PageHeader title="Settings" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Text fw={600} mb="xs">
            Practice
          </Text>
          {canChangePractice ? (
            <>
              <Row label="Currency" value={user.currency} />
              <Row label="This workstation" value={workstation} />
              <Text size="sm" c="dimmed" mt="sm" mb="xs">
                How every screen writes dates, times, names and amounts, for everyone at the practice.
              </Text>
              <PracticeSettingsCard />
            </>
          ) : (
            <>
              <Row label="Name" value={user.practiceName} />
              <Row label="Currency" value={user.currency} />
              <Row label="This workstation" value={workstation} />
              <Text size="sm" c="dimmed" mt="sm" mb="xs">
                Dates, times, names and amounts are written as the practice chose. An administrator can change this in Settings.
              </Text>
              <FormatPreview {...fmt.formats} currency={user.currency} />
            </>
          )}
        </Paper>
        <Stack gap="md">
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
          <Paper withBorder p="md" radius="md">
            <Text fw={600} mb="xs">
              Fee schedule
            </Text>
            <Text size="sm" c="dimmed" mb="sm">
              {mayCall('feeSchedule.save', user.role)
                ? 'The codes the practice charts and bills: their names, usual fees and times, and where each is charted.'
                : 'The codes the practice charts and bills, with their usual fees and times. An administrator can change them.'}
            </Text>
            <Button component={Link} href="/settings/fee-schedule" variant="light" leftSection={<IconListDetails size={16} />}>
              Fee schedule
            </Button>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Text fw={600} mb="xs">
              Labs and closed days
            </Text>
            <Text size="sm" c="dimmed" mb="sm">
              The labs the practice sends work to with their turnaround, and the days the practice is closed, which lab due dates skip.
            </Text>
            <Button component={Link} href="/settings/labs" variant="light" leftSection={<IconBuildingFactory2 size={16} />}>
              Lab directory
            </Button>
          </Paper>
          {mayCall('users.list', user.role) ? (
            <Paper withBorder p="md" radius="md">
              <Text fw={600} mb="xs">
                Administration
              </Text>
              <Group gap="xs">
                <Button component={Link} href="/settings/users" variant="light" leftSection={<IconUsers size={16} />}>
                  Manage users
                </Button>
                <Button component={Link} href="/settings/audit" variant="light" leftSection={<IconShieldCheck size={16} />}>
                  Audit log
                </Button>
              </Group>
            </Paper>
          ) : null}
        </Stack>
      </SimpleGrid>
    </>
  );
}
