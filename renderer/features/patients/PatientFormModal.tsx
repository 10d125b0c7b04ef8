import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { patientFields } from '../../../shared/contract';
import type { Patient } from '../../../shared/types';
import { apiQuery, useApiMutation } from '../../lib/apiQuery';
import { formatDay } from '../../lib/dates';
import { handleSaveError } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { isSavedRecord, useStaleVersion } from '../../lib/useStaleVersion';
import { ConflictAlert } from '../../ui/ConflictAlert';
import { patientName } from './patientName';
import { FormError } from '../../ui/FormError';

type Values = z.input<typeof patientFields>;
const FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'chartNumber', 'phone', 'email', 'alerts'];

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
  return (
    <Modal opened={opened} onClose={onClose} title={patient ? `Edit ${patientName(patient)}` : 'New patient'} size="lg">
      {/* Mounted only while open, so each opening starts from fresh values. */}
      {opened ? <PatientForm patient={patient} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function PatientForm({ patient, onClose, onSaved }: Omit<Props, 'opened'>) {
  const client = useQueryClient();
  const create = useApiMutation('patients.create');
  const update = useApiMutation('patients.update');
  // After a CONFLICT: the patient as saved now, fetched past the cache (and
  // put in it, so the page behind shows it too).
  const { version, conflict, markStale, reload } = useStaleVersion(patient?.version ?? 1, () =>
    patient ? client.fetchQuery({ ...apiQuery('patients.get', { id: patient.id }), staleTime: 0 }) : Promise.resolve(null),
  );
  const [formError, setFormError] = useState<string | null>(null);
  // The values are taken once, when the form opens: a refetch of the patient
  // behind it (a save elsewhere, a live refresh) changes the `patient` prop but
  // never what the user is typing. Only the version moves, on "Reload".
  const form = useForm<Values, unknown, z.output<typeof patientFields>>({
    resolver: zodResolver(patientFields),
    defaultValues: toValues(patient),
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (parsed) => {
    setFormError(null);
    // An empty chart number means "number it for me".
    const values = { ...parsed, chartNumber: parsed.chartNumber || undefined };
    try {
      const saved = patient
        ? await update.mutateAsync({ ...values, id: patient.id, version })
        : await create.mutateAsync(values);
      notifySuccess(patient ? 'Patient saved' : `${patientName(saved)} added`);
      onSaved(saved);
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: FIELDS, setFormError, on: { CONFLICT: markStale } });
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {conflict ? (
          <ConflictAlert
            noun="patient"
            reloading={conflict === 'reloading'}
            onReload={() => void reload()}
            saved={
              isSavedRecord(conflict) ? (
                <Text size="sm">
                  {patientName(conflict)} · born {formatDay(conflict.dateOfBirth)} · {conflict.phone ?? 'no phone'}
                  {conflict.alerts ? ` · Alerts: ${conflict.alerts}` : ''}
                </Text>
              ) : undefined
            }
          />
        ) : null}
        <FormError message={formError} />
        <SimpleGrid cols={2}>
          <TextInput label="First name" data-autofocus {...form.register('firstName')} error={errors.firstName?.message} />
          <TextInput label="Last name" {...form.register('lastName')} error={errors.lastName?.message} />
          <TextInput label="Date of birth" type="date" {...form.register('dateOfBirth')} error={errors.dateOfBirth?.message} />
          <TextInput
            label="Chart number"
            description={patient ? undefined : 'Leave empty to number automatically.'}
            {...form.register('chartNumber')}
            error={errors.chartNumber?.message}
          />
          <TextInput label="Phone" type="tel" {...form.register('phone')} error={errors.phone?.message} />
          <TextInput label="Email" type="email" {...form.register('email')} error={errors.email?.message} />
        </SimpleGrid>
        <Textarea
          label="Alerts"
          description="Allergies and medical alerts. Shown in red on every screen for this patient."
          autosize
          minRows={2}
          {...form.register('alerts')}
          error={errors.alerts?.message}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {patient ? 'Save patient' : 'Add patient'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
