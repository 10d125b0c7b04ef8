import { Text } from '@mantine/core';
import type { FieldValues } from 'react-hook-form';
import type { ConflictMerge } from '../lib/useConflictMerge';

/**
 * Beside a Save button the conflict mechanism holds back: says why it cannot
 * save yet (a reload is due, or a field both people changed waits for a choice).
 */
export function SaveBlockedHint<T extends FieldValues>({ conflict, labels }: { conflict: ConflictMerge<T>; labels: Partial<Record<Extract<keyof T, string>, string>> }) {
  if (conflict.canSave) return null;
  const message =
    conflict.phase === 'stale' || conflict.phase === 'reloading'
      ? 'Reload first: saving now would undo their change.'
      : `Choose yours or theirs for ${conflict.clashes.map((c) => labels[c.field] ?? c.field).join(', ')} before saving.`;
  return (
    <Text size="sm" c="orange.8" mr="auto" data-testid="save-blocked" role="status">
      {message}
    </Text>
  );
}
