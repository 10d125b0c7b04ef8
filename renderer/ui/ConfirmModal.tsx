import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';

interface Props {
  opened: boolean;
  title: string;
  /** The question, naming the thing ("Archive Maria Lopez?"). */
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** Red, for what cannot be undone by the same person; false for a safe action. */
  destructive?: boolean;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

/** Destructive (and other weighty) actions ask once, with the thing's name in the question. */
export function ConfirmModal({ opened, title, message, confirmLabel, cancelLabel = 'Keep it', destructive = true, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="sm">
      <Text size="sm">{message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button color={destructive ? 'red' : undefined} onClick={() => void confirm()} loading={busy} data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
