import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api';
import type { VisitDetails } from '../../../shared/types';
import { useApiMutation } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { queryKeys } from '../../lib/queryKeys';
import { notifySuccess } from '../../lib/notify';
import { FormError } from '../../ui/FormError';
import { SubmitForm } from '../../ui/SubmitForm';

interface Props {
  opened: boolean;
  visit: VisitDetails;
  onClose: () => void;
}

/** The visit did not happen: its planned procedures are cancelled with it, and the reason is kept. */
export function CancelVisitModal({ opened, visit, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Cancel visit" size="md" trapFocus>
      {opened ? <CancelVisitForm visit={visit} onClose={onClose} /> : null}
    </Modal>
  );
}

const REASON_MAX = 500;

function CancelVisitForm({ visit, onClose }: { visit: VisitDetails; onClose: () => void }) {
  const format = useFormat();
  const client = useQueryClient();
  const cancelVisit = useApiMutation('visits.cancel');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const planned = visit.procedures.filter((p) => p.status === 'PLANNED').length;
  const patient = format.fullName({ firstName: visit.patientFirstName, lastName: visit.patientLastName });

  const submit = async () => {
    setFormError(null);
    const text = reason.trim();
    if (!text) return setReasonError('Say why the visit did not happen, e.g. “Patient phoned in sick”.');
    if (text.length > REASON_MAX) return setReasonError(`At most ${REASON_MAX} characters.`);
    setReasonError(null);
    try {
      // The version of the visit as the page shows it now: a change elsewhere is a conflict, said below.
      await cancelVisit.mutateAsync({ id: visit.id, version: visit.version, reason: text });
      notifySuccess(`Visit of ${format.date(visit.date)} cancelled`);
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) return setFormError(String(err));
      const onReason = err.issues.find((i) => i.path === 'reason');
      if (onReason) return setReasonError(onReason.message);
      // Refused because the visit is not what this page shows (changed, work started): show it as saved now.
      void client.invalidateQueries({ queryKey: queryKeys.visits.get(visit.id) });
      setFormError(
        err.code === 'CONFLICT' ? 'Someone else changed this visit a moment ago. The page now shows their version: check it, then cancel again if you still need to.' : err.message,
      );
    }
  };

  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">
          Cancel the visit of <b>{format.longDate(visit.date)}</b> for {patient}? {planned === 1 ? 'Its planned procedure is' : `Its ${planned} planned procedures are`} cancelled
          with it and stay on the visit, struck through.
        </Text>
        <FormError message={formError} />
        <Textarea
          label="Reason"
          description="Kept with the visit's history."
          placeholder="Patient phoned in sick"
          required
          autosize
          minRows={2}
          maxRows={6}
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={cancelVisit.isPending}>
            Keep the visit
          </Button>
          <Button type="submit" color="red" loading={cancelVisit.isPending}>
            Cancel visit
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}
