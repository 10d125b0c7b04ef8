import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { VisitSummary } from '../../../shared/types';
import { useApiMutation } from '../../lib/apiQuery';
import { todayIso } from '../../lib/dates';
import { handleSaveError } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { providerOptions, useProviders } from './providers';
import { FormError } from '../../ui/FormError';

const schema = contract['visits.create'].input;
type Values = z.input<typeof schema>;
const FIELDS = ['providerId', 'date', 'time', 'notes'];

interface Props {
  opened: boolean;
  patientId: string;
  defaultProviderId?: string;
  onClose: () => void;
  onCreated: (visit: VisitSummary) => void;
}

export function NewVisitModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="New visit" size="md">
      {opened ? <NewVisitForm onClose={onClose} {...rest} /> : null}
    </Modal>
  );
}

function NewVisitForm({ patientId, defaultProviderId, onClose, onCreated }: Omit<Props, 'opened'>) {
  const providers = useProviders();
  const createVisit = useApiMutation('visits.create');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { patientId, providerId: defaultProviderId ?? '', date: todayIso(), time: '', notes: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const visit = await createVisit.mutateAsync(values);
      notifySuccess('Visit created');
      onCreated(visit);
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: FIELDS, setFormError });
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        <Controller
          control={form.control}
          name="providerId"
          render={({ field }) => (
            <Select
              label="Provider"
              placeholder="Choose the dentist or hygienist"
              data={providerOptions(providers)}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              error={errors.providerId ? 'Choose a provider.' : undefined}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No providers. An administrator can add dentists and hygienists under Users."
            />
          )}
        />
        <SimpleGrid cols={2}>
          <TextInput label="Date" type="date" {...form.register('date')} error={errors.date?.message} />
          <TextInput label="Time" type="time" {...form.register('time', { setValueAs: (v: string) => v || null })} error={errors.time?.message} />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} {...form.register('notes')} error={errors.notes?.message} />
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
