import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';

interface Props {
  opened: boolean;
  title: string;
  /** The question, naming the thing ("Archive Maria Lopez?"). */
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** Red, for what cannot be undone by the same person; false for a safe action. */
  destructive?: boolean;
  /** More to say under the question (what goes with it, what stays). */
  children?: ReactNode;
  /**
   * Runs the action. If it throws, the dialog stays open and shows the
   * error's message (a refusal in the server's own words) instead of closing.
   */
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

/**
 * Destructive (and other weighty) actions ask once, with the thing's name in
 * the question. The dialog opens with focus on the confirm button, so Enter
 * answers the question asked and Escape or Tab-then-Enter keeps things as they are.
 */
export function ConfirmModal({ opened, title, message, confirmLabel, cancelLabel = 'Keep it', destructive = true, children, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size="sm" trapFocus>
      <Text size="sm">{message}</Text>
      {children}
      {error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" mt="md" data-testid="confirm-error">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={close} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button color={destructive ? 'red' : undefined} onClick={() => void confirm()} loading={busy} data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
