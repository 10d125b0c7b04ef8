import { Button, Group, Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../api';
import type { VisitSummary } from '../../../shared/types';
import { apiQuery, useApiMutation } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { handleSaveError } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useConflictMerge } from '../../lib/useConflictMerge';
import { ConflictMergeAlert } from '../../ui/ConflictMergeAlert';
import { FormError } from '../../ui/FormError';
import { type NamedPerson, providerNamer, useProviders } from './providers';
import { SaveBlockedHint } from '../../ui/SaveBlockedHint';
import { toVisitHeader, useFormDate, useSameDay, VISIT_FIELD_LABELS, VISIT_FORM_FIELDS, VisitFields, visitResolver, visitToValues, type VisitField, type VisitFormValues } from './visitForm';

interface Props {
  opened: boolean;
  /** The visit as saved now (the page's live copy): the form takes its values once, at open. */
  visit: VisitSummary;
  onClose: () => void;
}

export function EditVisitModal({ opened, visit, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit visit" size="md" trapFocus>
      {opened ? <EditVisitForm visit={visit} onClose={onClose} /> : null}
    </Modal>
  );
}

const short = (text: string) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);
const providerOf = (v: VisitSummary): NamedPerson => ({ id: v.providerId, name: v.providerName });

function EditVisitForm({ visit, onClose }: { visit: VisitSummary; onClose: () => void }) {
  const client = useQueryClient();
  const format = useFormat();
  const providers = useProviders();
  const updateVisit = useApiMutation('visits.update');
  const [formError, setFormError] = useState<string | null>(null);
  // The providers the saved versions name, also when no longer active.
  const [named, setNamed] = useState<NamedPerson[]>(() => [providerOf(visit)]);
  const form = useForm<VisitFormValues>({ resolver: visitResolver, defaultValues: visitToValues(visit) });
  const conflict = useConflictMerge(form, visit.version, async () => {
    try {
      const fresh = await client.fetchQuery({ ...apiQuery('visits.get', { id: visit.id }), staleTime: 0 });
      setNamed((known) => [...known, providerOf(fresh)]);
      return { version: fresh.version, values: visitToValues(fresh) };
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'NOT_FOUND')) throw err;
      notifyError(new ApiError('NOT_FOUND', 'This visit was removed a moment ago.'));
      onClose();
      return null;
    }
  });
  const date = useFormDate(form);
  // The core asks only when the date moves: compared with the date saved now.
  const sameDay = useSameDay(visit.patientId, date, { exceptId: visit.id, enabled: date !== visit.date });
  const { isSubmitting } = form.formState;

  const nameOf = providerNamer(providers, named);
  const show = (field: VisitField, value: unknown): string => {
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) return field === 'time' ? 'No time' : '(empty)';
    switch (field) {
      case 'providerId':
        return nameOf(text) ?? text;
      case 'date':
        return format.date(text);
      case 'time':
        return format.time(text);
      case 'notes':
        return short(text);
    }
  };

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    if (!conflict.canSave || !sameDay.readyToSend()) return;
    try {
      await updateVisit.mutateAsync({ id: visit.id, version: conflict.version, ...toVisitHeader(values), confirmSameDay: sameDay.confirmed });
      notifySuccess('Visit saved');
      onClose();
    } catch (err) {
      handleSaveError(err, {
        setError: form.setError,
        fields: VISIT_FORM_FIELDS,
        setFormError,
        on: { CONFLICT: conflict.markStale, NEEDS_CONFIRMATION: sameDay.onAsked, LOCKED: (e) => setFormError(e.message) },
      });
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
        <ConflictMergeAlert noun="visit" conflict={conflict} labels={VISIT_FIELD_LABELS} show={show} />
        <FormError message={formError} />
        <VisitFields form={form} sameDay={sameDay} confirmLabel="Move anyway: keep two visits that day" known={named} />
        <Group justify="flex-end" gap="sm">
          <SaveBlockedHint conflict={conflict} labels={VISIT_FIELD_LABELS} />
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting} disabled={!conflict.canSave}>
            Save visit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
