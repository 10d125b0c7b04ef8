import { AppShell, Avatar, Box, Button, Group, Kbd, NavLink, ScrollArea, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import {
  IconBuildingFactory2,
  IconCalendarEvent,
  IconDental,
  IconDeviceDesktop,
  IconListDetails,
  IconListSearch,
  IconLogout,
  IconSearch,
  IconSettings,
  IconShieldCheck,
  IconTruckDelivery,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { NoticesButton } from '../labs/NoticesButton';
import { useSession } from '../session/session.store';
import { mayCall } from '../../../shared/contract';

interface NavItem {
  name: string;
  label: string;
  href: string;
  icon: ReactNode;
  adminOnly?: boolean;
  /** Nested under Settings. */
  child?: boolean;
}

// Only screens that exist are listed; Supplies, Claims and Export join here when they are built.
const NAV: NavItem[] = [
  { name: 'today', label: 'Today', href: '/today', icon: <IconCalendarEvent size={18} /> },
  { name: 'patients', label: 'Patients', href: '/patients', icon: <IconUsersGroup size={18} /> },
  { name: 'visits', label: 'Visits', href: '/visits', icon: <IconListSearch size={18} /> },
  { name: 'labs', label: 'Lab board', href: '/labs', icon: <IconTruckDelivery size={18} /> },
  { name: 'settings', label: 'Settings', href: '/settings', icon: <IconSettings size={18} /> },
  { name: 'fee-schedule', label: 'Fee schedule', href: '/settings/fee-schedule', icon: <IconListDetails size={16} />, child: true },
  { name: 'lab-directory', label: 'Lab directory', href: '/settings/labs', icon: <IconBuildingFactory2 size={16} />, child: true },
  { name: 'users', label: 'Users', href: '/settings/users', icon: <IconUsers size={16} />, adminOnly: true, child: true },
  { name: 'audit', label: 'Audit', href: '/settings/audit', icon: <IconShieldCheck size={16} />, adminOnly: true, child: true },
];

function isActive(location: string, href: string, child?: boolean): boolean {
  if (href === '/settings') return location === '/settings';
  return child ? location === href : location === href || location.startsWith(`${href}/`);
}

export function Frame({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const user = useSession((s) => s.user);
  const workstation = useSession((s) => s.workstation);
  const signOut = useSession((s) => s.signOut);
  const isAdmin = mayCall('users.list', user?.role);

  return (
    <AppShell navbar={{ width: 232, breakpoint: 0 }} padding="lg">
      <AppShell.Navbar p="sm" bg="gray.0" className="no-print">
        <AppShell.Section>
          <Group gap={8} px={6} py={6} mb="sm">
            <ThemeIcon size={30} radius="md">
              <IconDental size={18} />
            </ThemeIcon>
            <Box style={{ minWidth: 0 }}>
              <Text fw={700} lh={1.1}>
                Chairside
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {user?.practiceName}
              </Text>
            </Box>
          </Group>
          {/* Named by its visible words (a screen reader user hears what a sighted one reads); the shortcuts are announced too. */}
          <UnstyledButton className="palette-trigger" onClick={() => spotlight.open()} mb="sm" aria-keyshortcuts="/ Control+K">
            <Group gap={8} wrap="nowrap">
              <IconSearch size={15} />
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                Find or go to…
              </Text>
              <Kbd size="xs">/</Kbd>
            </Group>
          </UnstyledButton>
          <NoticesButton />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {NAV.filter((item) => !item.adminOnly || isAdmin).map((item) => (
              <NavLink
                key={item.name}
                component={Link}
                href={item.href}
                label={item.label}
                leftSection={item.icon}
                active={isActive(location, item.href, item.child)}
                data-testid={`nav-${item.name}`}
                pl={item.child ? 34 : undefined}
                fz={item.child ? 13 : undefined}
                variant="light"
                style={{ borderRadius: 6 }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section className="frame-user">
          <Group gap="sm" wrap="nowrap" px={4} pt="sm">
            <Avatar size={34} radius="xl" color="petrol" name={user?.displayName} />
            <Box style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={600} truncate data-testid="current-user">
                {user?.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {user ? ROLE_LABELS[user.role] : ''}
              </Text>
            </Box>
          </Group>
          <Group gap={6} px={4} mt={8} wrap="nowrap">
            <IconDeviceDesktop size={14} color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed" truncate data-testid="workstation">
              {workstation}
            </Text>
          </Group>
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            mt="xs"
            fullWidth
            justify="flex-start"
            leftSection={<IconLogout size={15} />}
            onClick={() => void signOut()}
          >
            Sign out
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="white">
        <Box maw={1200} mx="auto">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
