import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { VisitSummary } from '../../../shared/types';
import { useApiMutation } from '../../lib/apiQuery';
import { todayIso } from '../../lib/dates';
import { handleSaveError } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { FormError } from '../../ui/FormError';
import { toVisitHeader, useFormDate, useSameDay, VISIT_FORM_FIELDS, VisitFields, visitResolver, type VisitFormValues } from './visitForm';

interface Props {
  opened: boolean;
  patientId: string;
  defaultProviderId?: string;
  onClose: () => void;
  onCreated: (visit: VisitSummary) => void;
}

export function NewVisitModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="New visit" size="md" trapFocus>
      {opened ? <NewVisitForm onClose={onClose} {...rest} /> : null}
    </Modal>
  );
}

function NewVisitForm({ patientId, defaultProviderId, onClose, onCreated }: Omit<Props, 'opened'>) {
  const createVisit = useApiMutation('visits.create');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<VisitFormValues>({
    resolver: visitResolver,
    defaultValues: { providerId: defaultProviderId ?? '', date: todayIso(), time: '', notes: '' },
  });
  const sameDay = useSameDay(patientId, useFormDate(form));
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    if (!sameDay.readyToSend()) return;
    try {
      const visit = await createVisit.mutateAsync({ patientId, ...toVisitHeader(values), confirmSameDay: sameDay.confirmed });
      notifySuccess('Visit created');
      onCreated(visit);
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: VISIT_FORM_FIELDS, setFormError, on: { NEEDS_CONFIRMATION: sameDay.onAsked } });
    }
  });

  return (
    <form
      onSubmit={(e) => {
        // The same-day question is pointed out together with any field errors, not after them.
        sameDay.readyToSend();
        void submit(e);
      }}
      noValidate
    >
      <Stack gap="md">
        <FormError message={formError} />
        <VisitFields form={form} sameDay={sameDay} confirmLabel="Create a second visit that day" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create visit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
