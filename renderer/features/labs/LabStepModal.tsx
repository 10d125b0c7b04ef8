import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { addWorkingDays } from '../../../shared/domain/working-days';
import type { LabCase } from '../../../shared/types';
import { ApiError } from '../../api';
import { useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { todayIso } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { FormError } from '../../ui/FormError';
import { SubmitForm } from '../../ui/SubmitForm';

export type LabStepKind = 'send' | 'receive' | 'check' | 'cancel';

const TITLES: Record<LabStepKind, string> = {
  send: 'Send to the lab',
  receive: 'Mark received from the lab',
  check: 'Mark checked before seating',
  cancel: 'Cancel lab case',
};

const DONE: Record<LabStepKind, string> = {
  send: 'Lab case sent',
  receive: 'Lab case received',
  check: 'Lab case checked',
  cancel: 'Lab case cancelled',
};

interface Props {
  step: LabStepKind | null;
  labCase: LabCase;
  onClose: () => void;
}

/** One dated step of a lab case; the day defaults to today and cannot be later. */
export function LabStepModal({ step, labCase, onClose }: Props) {
  return (
    <Modal opened={step !== null} onClose={onClose} title={step ? TITLES[step] : ''} size="md" trapFocus>
      {step ? <StepForm step={step} labCase={labCase} onClose={onClose} /> : null}
    </Modal>
  );
}

/** The default due date as the core will set it: the lab's turnaround in working days, weekends and closed days skipped. */
function useDefaultDue(labCase: LabCase, sentDate: string): string | null {
  const labs = useApiQuery('labs.list', { includeHidden: true });
  const closed = useApiQuery('closedDays.list', sentDate ? { from: sentDate } : null);
  const lab = labs.data?.find((l) => l.id === labCase.labId);
  if (!lab || !closed.data || !/^\d{4}-\d{2}-\d{2}$/.test(sentDate)) return null;
  return addWorkingDays(sentDate, lab.turnaroundDays, new Set(closed.data.map((d) => d.day)));
}

function StepForm({ step, labCase, onClose }: { step: LabStepKind; labCase: LabCase; onClose: () => void }) {
  const format = useFormat();
  const today = todayIso();
  const [day, setDay] = useState(today);
  const [dueDate, setDueDate] = useState<string | null>(labCase.dueDate);
  const [trackingNo, setTrackingNo] = useState(labCase.trackingNo ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const defaultDue = useDefaultDue(labCase, day);
  // Until someone types a due date, it follows the sent date.
  const due = dueDate ?? defaultDue ?? '';
  const send = useApiMutation('labCases.send');
  const receive = useApiMutation('labCases.receive');
  const check = useApiMutation('labCases.check');
  const cancel = useApiMutation('labCases.cancel');
  const pending = send.isPending || receive.isPending || check.isPending || cancel.isPending;
  const dayField = { send: 'sentDate', receive: 'receivedDate', check: 'checkedDate', cancel: '' }[step];
  // Today is left to the main process's clock, so a workstation a time zone ahead never writes "tomorrow".
  const dayInput = day === today ? undefined : day;

  const submit = async () => {
    setFormError(null);
    if (step === 'cancel' && !reason.trim()) return setErrors({ reason: 'Say why the case is cancelled, e.g. “Made chairside instead”.' });
    if (step !== 'cancel' && !day) return setErrors({ [dayField]: 'Pick the day.' });
    setErrors({});
    const ref = { id: labCase.id, version: labCase.version };
    try {
      if (step === 'send') await send.mutateAsync({ ...ref, sentDate: dayInput, dueDate: due || null, trackingNo });
      else if (step === 'receive') await receive.mutateAsync({ ...ref, receivedDate: dayInput });
      else if (step === 'check') await check.mutateAsync({ ...ref, checkedDate: dayInput });
      else await cancel.mutateAsync({ ...ref, reason: reason.trim() });
      notifySuccess(DONE[step]);
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) return setFormError(String(err));
      const onFields = Object.fromEntries(err.issues.map((i) => [i.path, i.message]));
      setErrors(onFields);
      if (err.issues.length === 0) {
        setFormError(err.code === 'CONFLICT' ? 'Someone else changed this case a moment ago. Close this dialog to see their change.' : err.message);
      }
    }
  };

  const dayLabel = { send: 'Sent on', receive: 'Received on', check: 'Checked on', cancel: '' }[step];
  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">
          {labCase.procedure.code} {labCase.procedure.name} for {format.name({ firstName: labCase.patientFirstName, lastName: labCase.patientLastName })}, at{' '}
          {labCase.labName}.
        </Text>
        <FormError message={formError} />
        {step === 'cancel' ? (
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            data-autofocus
            placeholder="Made chairside instead"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
        ) : (
          <TextInput label={dayLabel} type="date" required data-autofocus max={today} value={day} onChange={(e) => setDay(e.currentTarget.value)} error={errors[dayField]} />
        )}
        {step === 'send' ? (
          <>
            <TextInput
              label="Due back"
              type="date"
              value={due}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errors.dueDate}
              description={
                dueDate === null && defaultDue ? `${format.date(defaultDue)}: the lab's turnaround in working days, weekends and closed days skipped.` : undefined
              }
            />
            <TextInput label="Tracking number" value={trackingNo} onChange={(e) => setTrackingNo(e.currentTarget.value)} error={errors.trackingNo} />
          </>
        ) : null}
        {step === 'receive' ? <Text size="sm" c="dimmed">The procedure moves to Received. Check the work before seating it.</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            Close
          </Button>
          <Button type="submit" color={step === 'cancel' ? 'red' : undefined} loading={pending}>
            {TITLES[step]}
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}
