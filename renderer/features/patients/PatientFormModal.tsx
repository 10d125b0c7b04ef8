import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { patientFields } from '../../../shared/contract';
import type { Patient } from '../../../shared/types';
import { apiQuery, useApiMutation } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { handleSaveError } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { useConflictMerge } from '../../lib/useConflictMerge';
import { ConflictMergeAlert } from '../../ui/ConflictMergeAlert';
import { SaveBlockedHint } from '../../ui/SaveBlockedHint';
import { FormError } from '../../ui/FormError';
import { patientFullName, patientName } from './patientName';

type Values = z.input<typeof patientFields>;
type Field = Extract<keyof Values, string>;
const FIELDS: Field[] = ['firstName', 'lastName', 'dateOfBirth', 'chartNumber', 'phone', 'email', 'alerts'];

/** The labels the form shows, also naming the fields in the conflict alert. */
const LABELS: Record<Field, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  chartNumber: 'Chart number',
  phone: 'Phone',
  email: 'Email',
  alerts: 'Alerts',
};

/**
 * The contract asks for YYYY-MM-DD, which is what the date field sends; the
 * person at the desk types into the browser's own day, month and year boxes,
 * so the message speaks of those.
 */
const dateError = (message: string | undefined) => (message === 'Use a real date, YYYY-MM-DD.' ? 'Enter a real date: day, month and year.' : message);

function toValues(p?: Patient): Values {
  return {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    dateOfBirth: p?.dateOfBirth ?? '',
    chartNumber: p?.chartNumber ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    alerts: p?.alerts ?? '',
  };
}

interface Props {
  opened: boolean;
  /** Editing this patient; creating a new one when absent. */
  patient?: Patient;
  onClose: () => void;
  onSaved: (patient: Patient) => void;
}

export function PatientFormModal({ opened, patient, onClose, onSaved }: Props) {
  const fmt = useFormat();
  return (
    <Modal opened={opened} onClose={onClose} title={patient ? `Edit ${patientName(patient, fmt)}` : 'New patient'} size="lg">
      {/* Mounted only while open, so each opening starts from fresh values. */}
      {opened ? <PatientForm patient={patient} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function PatientForm({ patient, onClose, onSaved }: Omit<Props, 'opened'>) {
  const client = useQueryClient();
  const fmt = useFormat();
  const create = useApiMutation('patients.create');
  const update = useApiMutation('patients.update');
  const [formError, setFormError] = useState<string | null>(null);
  // The values are taken once, when the form opens: a refetch of the patient
  // behind it (a save elsewhere, a live refresh) changes the `patient` prop but
  // never what the user is typing. A stale save is merged on "Reload".
  const form = useForm<Values, unknown, z.output<typeof patientFields>>({
    resolver: zodResolver(patientFields),
    defaultValues: toValues(patient),
  });
  // After a CONFLICT: the patient as saved now, fetched past the cache (and
  // put in it, so the page behind shows it too), merged field by field.
  const conflict = useConflictMerge(form, patient?.version ?? 1, async () => {
    if (!patient) return null;
    const fresh = await client.fetchQuery({ ...apiQuery('patients.get', { id: patient.id }), staleTime: 0 });
    return { version: fresh.version, values: toValues(fresh) };
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (parsed) => {
    // Nothing stale is written: a save waits for the reload and every choice.
    if (!conflict.canSave) return;
    setFormError(null);
    // An empty chart number means "number it for me".
    const values = { ...parsed, chartNumber: parsed.chartNumber || undefined };
    try {
      const saved = patient
        ? await update.mutateAsync({ ...values, id: patient.id, version: conflict.version })
        : await create.mutateAsync(values);
      notifySuccess(patient ? `${patientFullName(saved, fmt)} saved` : `${patientFullName(saved, fmt)} added`);
      onSaved(saved);
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: FIELDS, setFormError, on: { CONFLICT: conflict.markStale } });
    }
  });


  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <ConflictMergeAlert
          noun="patient"
          conflict={conflict}
          labels={LABELS}
          show={(field, value) => (field === 'dateOfBirth' && typeof value === 'string' && value ? fmt.date(value) : value ? String(value) : '(empty)')}
        />
        <FormError message={formError} />
        <SimpleGrid cols={2}>
          <TextInput label={LABELS.firstName} data-autofocus {...form.register('firstName')} error={errors.firstName?.message} />
          <TextInput label={LABELS.lastName} {...form.register('lastName')} error={errors.lastName?.message} />
          <TextInput label={LABELS.dateOfBirth} type="date" {...form.register('dateOfBirth')} error={dateError(errors.dateOfBirth?.message)} />
          <TextInput
            label={LABELS.chartNumber}
            description={patient ? undefined : 'Leave empty to number automatically.'}
            {...form.register('chartNumber')}
            error={errors.chartNumber?.message}
          />
          <TextInput label={LABELS.phone} type="tel" {...form.register('phone')} error={errors.phone?.message} />
          <TextInput label={LABELS.email} type="email" {...form.register('email')} error={errors.email?.message} />
        </SimpleGrid>
        <Textarea
          label={LABELS.alerts}
          description="Allergies and medical alerts. Shown in red on every screen for this patient."
          autosize
          minRows={2}
          {...form.register('alerts')}
          error={errors.alerts?.message}
        />
        <Group justify="flex-end" mt="xs" gap="sm">
          <SaveBlockedHint conflict={conflict} labels={LABELS} />
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting} disabled={!conflict.canSave}>
            {patient ? 'Save patient' : 'Add patient'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
