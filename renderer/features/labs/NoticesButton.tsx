import { ActionIcon, Anchor, Badge, Button, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Reminder } from '../../../shared/types';
import { useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { notifyError } from '../../lib/notify';

const KIND_COLORS: Record<Reminder['kind'], string> = { OVERDUE: 'red', DUE_TOMORROW: 'orange', NO_APPOINTMENT: 'teal' };
const KIND_LABELS: Record<Reminder['kind'], string> = { OVERDUE: 'Overdue', DUE_TOMORROW: 'Due soon', NO_APPOINTMENT: 'Not booked' };

/**
 * The in-app list of what the reminder job raised about lab cases (the
 * desktop app also shows each as a system notification). Dismissing one
 * dismisses it for everyone; the job raises it again on a later day while the
 * case is still late.
 */
export function NoticesButton() {
  const notices = useApiQuery('reminders.list', {});
  const [opened, setOpened] = useState(false);
  const count = notices.data?.length ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} position="right-start" width={380} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <UnstyledButton className="palette-trigger" onClick={() => setOpened((o) => !o)} mb="sm" data-testid="notices-button">
          <Group gap={8} wrap="nowrap">
            <IconBell size={15} aria-hidden />
            <Text size="sm" style={{ flex: 1 }} c={count ? undefined : 'dimmed'}>
              Lab notices
            </Text>
            {count ? (
              <Badge size="sm" color="red" variant="filled" data-testid="notices-count">
                {count}
              </Badge>
            ) : null}
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown p="sm">
        <Text fw={600} size="sm" mb="xs">
          Lab notices
        </Text>
        {count === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing needs attention: no lab work is late or due back tomorrow.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {notices.data!.map((n) => (
                <Notice key={n.id} notice={n} onOpen={() => setOpened(false)} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Button component={Link} href="/labs" variant="subtle" size="xs" mt="xs" onClick={() => setOpened(false)}>
          Open the lab board
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}

function Notice({ notice, onOpen }: { notice: Reminder; onOpen: () => void }) {
  const format = useFormat();
  const dismiss = useApiMutation('reminders.dismiss');
  return (
    <li data-testid="notice">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge size="sm" color={KIND_COLORS[notice.kind]} variant="light" miw="max-content">
          {KIND_LABELS[notice.kind]}
        </Badge>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Anchor component={Link} href={`/visits/${notice.labCase.visitId}`} size="sm" onClick={onOpen} style={{ overflowWrap: 'anywhere' }}>
            {notice.message}
          </Anchor>
          <Text size="xs" c="dimmed">
            {format.date(notice.day)}
          </Text>
        </Stack>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Dismiss: ${notice.message}`}
          loading={dismiss.isPending}
          onClick={() => void dismiss.mutateAsync({ id: notice.id }).catch(notifyError)}
        >
          <IconX size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </li>
  );
}
