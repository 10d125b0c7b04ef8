import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRefresh, IconUsers } from '@tabler/icons-react';
import type { FieldValues } from 'react-hook-form';
import type { ConflictMerge } from '../lib/useConflictMerge';

interface Props<T extends FieldValues> {
  /** "procedure", "patient" … */
  noun: string;
  conflict: ConflictMerge<T>;
  /** The form's label for each field, as the user knows it. */
  labels: Partial<Record<Extract<keyof T, string>, string>>;
  /** A field's value in words (money, a provider's name …); plain text by default. */
  show?: (field: Extract<keyof T, string>, value: unknown) => string;
}

const plain = (value: unknown) => {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.join(' ') : '(none)';
  return String(value);
};

/**
 * Someone else saved first. Before a reload: say so, keep the typing, offer
 * Reload. After it: say which of their changes came into the form, and for
 * each field both changed, put the two values side by side to choose from.
 */
export function ConflictMergeAlert<T extends FieldValues>({ noun, conflict, labels, show }: Props<T>) {
  if (conflict.phase === 'none') return null;
  const label = (field: Extract<keyof T, string>) => labels[field] ?? field;
  const value = (field: Extract<keyof T, string>, v: unknown) => (show ? show(field, v) : plain(v));
  const title = `Someone else changed this ${noun} a moment ago.`;

  if (conflict.phase !== 'merged') {
    return (
      <Alert color="orange" variant="light" icon={<IconUsers size={18} />} title={title} data-testid="conflict-alert" role="alert">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">Reload to bring their changes into the form. What you typed stays.</Text>
          <Button size="xs" variant="white" color="orange" style={{ flexShrink: 0 }} leftSection={<IconRefresh size={14} />} onClick={() => void conflict.reload()} loading={conflict.phase === 'reloading'}>
            Reload
          </Button>
        </Group>
      </Alert>
    );
  }

  const updated = conflict.updated.map(label);
  return (
    <Alert color="orange" variant="light" icon={<IconUsers size={18} />} title={title} data-testid="conflict-alert" role="alert">
      <Stack gap={8}>
        <Text size="sm">
          {updated.length ? `Their changes are now in the form (${updated.join(', ')}). ` : 'Nothing they changed was left to bring in. '}
          Your own changes are kept.
        </Text>
        {conflict.clashes.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              You both changed {conflict.clashes.length === 1 ? 'this' : 'these'}: choose what to keep before saving.
            </Text>
            {conflict.clashes.map((clash) => (
              <Group key={clash.field} gap="xs" wrap="wrap" data-testid={`clash-${clash.field}`} role="group" aria-label={`${label(clash.field)}: yours or theirs`}>
                <Text size="sm" fw={600} miw={90}>
                  {label(clash.field)}
                </Text>
                <Button size="xs" variant="default" onClick={() => conflict.choose(clash.field, 'mine')}>
                  Keep yours: {value(clash.field, clash.mine)}
                </Button>
                <Button size="xs" variant="default" onClick={() => conflict.choose(clash.field, 'theirs')}>
                  Use theirs: {value(clash.field, clash.theirs)}
                </Button>
              </Group>
            ))}
          </>
        ) : (
          <Text size="sm">Check the form and save again.</Text>
        )}
      </Stack>
    </Alert>
  );
}
