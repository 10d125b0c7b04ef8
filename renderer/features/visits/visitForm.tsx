import { Alert, Anchor, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, type FieldErrors, type Resolver, type UseFormReturn, useWatch } from 'react-hook-form';
import { Link } from 'wouter';
import { contract } from '../../../shared/contract';
import { isIsoDate } from '../../../shared/domain/dates';
import type { VisitSummary } from '../../../shared/types';
import type { ApiError } from '../../api';
import { useApiQuery } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { type NamedPerson, providerOptions, useProviders } from './providers';

/** The visit header as the user edits it: text as typed; an empty time or note is "none". */
export interface VisitFormValues {
  date: string;
  time: string;
  providerId: string;
  notes: string;
}
export type VisitField = keyof VisitFormValues;

export const VISIT_FORM_FIELDS: VisitField[] = ['date', 'time', 'providerId', 'notes'];
export const VISIT_FIELD_LABELS: Record<VisitField, string> = { date: 'Date', time: 'Time', providerId: 'Provider', notes: 'Notes' };

export function visitToValues(v: VisitSummary): VisitFormValues {
  return { date: v.date, time: v.time ?? '', providerId: v.providerId, notes: v.notes ?? '' };
}

export function toVisitHeader(values: VisitFormValues) {
  return { providerId: values.providerId, date: values.date, time: values.time || null, notes: values.notes || null };
}

// The header's rules, as the main process checks them (visits.create and visits.update share them).
const headerSchema = contract['visits.update'].input.pick({ providerId: true, date: true, time: true, notes: true });

export const visitResolver: Resolver<VisitFormValues> = (values) => {
  const errors: Partial<Record<VisitField, { type: string; message: string }>> = {};
  if (!values.providerId) errors.providerId = { type: 'validation', message: 'Choose a provider.' };
  const result = headerSchema.safeParse(toVisitHeader(values));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '') as VisitField;
      if (VISIT_FORM_FIELDS.includes(name) && !errors[name]) errors[name] = { type: 'validation', message: issue.message };
    }
  }
  return Object.keys(errors).length ? { values: {}, errors: errors as FieldErrors<VisitFormValues> } : { values, errors: {} };
};

/**
 * The patient's other visits on the chosen day (cancelled ones do not count,
 * as the core does not count them), and whether the user has said "yes, a
 * second one". The core asks too (NEEDS_CONFIRMATION): `asked` keeps what it
 * said, in case it knew of a visit this screen had not fetched yet. Both
 * belong to one date: choosing another date asks afresh.
 */
export function useSameDay(patientId: string, date: string, options: { exceptId?: string; enabled?: boolean } = {}) {
  const enabled = options.enabled ?? true;
  const onDay = useApiQuery('visits.onDay', enabled && isIsoDate(date) ? { patientId, date } : null);
  const others = enabled ? (onDay.data ?? []).filter((v) => v.id !== options.exceptId && v.status !== 'CANCELLED') : [];
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [asked, setAsked] = useState<{ date: string; message: string } | null>(null);
  const [unanswered, setUnanswered] = useState(false);
  const askedNow = enabled && asked?.date === date ? asked.message : null;
  const needsConfirmation = others.length > 0 || askedNow !== null;
  const confirmed = needsConfirmation && confirmedFor === date;
  return {
    others,
    asked: askedNow,
    needsConfirmation,
    confirmed,
    /** Shown under the checkbox when the user tried to save without answering. */
    unanswered: unanswered && needsConfirmation && !confirmed,
    setConfirmed: (yes: boolean) => {
      setConfirmedFor(yes ? date : null);
      setUnanswered(false);
    },
    /** Before sending: false (and the question is pointed out) while the user has not said yes. */
    readyToSend: () => {
      if (needsConfirmation && !confirmed) {
        setUnanswered(true);
        return false;
      }
      return true;
    },
    /** The core answered NEEDS_CONFIRMATION: show its words, and fetch the day again. */
    onAsked: (err: ApiError) => {
      setAsked({ date, message: err.issues.find((i) => i.path === 'date')?.message ?? err.message });
      setConfirmedFor(null);
      setUnanswered(true);
      void onDay.refetch();
    },
  };
}
export type SameDay = ReturnType<typeof useSameDay>;

/** A warning, not a refusal: names the other visit, links to it, and asks before a second one. */
export function SameDayWarning({ sameDay, confirmLabel }: { sameDay: SameDay; confirmLabel: string }) {
  const format = useFormat();
  if (!sameDay.needsConfirmation) return null;
  const first = sameDay.others[0];
  const who = first ? format.fullName({ firstName: first.patientFirstName, lastName: first.patientLastName }) : 'This patient';
  return (
    <Alert color="yellow" variant="light" icon={<IconCalendarExclamation size={18} />} title={`${who} already has a visit that day`} data-testid="same-day-warning">
      <Stack gap={8}>
        {sameDay.others.length ? (
          sameDay.others.map((v) => (
            <Group key={v.id} gap="xs" wrap="wrap">
              <Text size="sm">
                {format.date(v.date)}
                {v.time ? ` at ${format.time(v.time)}` : ''} with {v.providerName}
              </Text>
              <StatusBadge status={v.status} size="sm" />
              <Anchor component={Link} href={`/visits/${v.id}`} size="sm" fw={600}>
                Open that visit
              </Anchor>
            </Group>
          ))
        ) : (
          <Text size="sm">{sameDay.asked}</Text>
        )}
        <Checkbox
          label={confirmLabel}
          checked={sameDay.confirmed}
          onChange={(e) => sameDay.setConfirmed(e.currentTarget.checked)}
          error={sameDay.unanswered ? 'Tick this to go ahead, or open the other visit.' : undefined}
        />
      </Stack>
    </Alert>
  );
}

/** Date, time, provider and notes: the new-visit dialog and the edit-visit form share them. */
export function VisitFields({ form, sameDay, confirmLabel, known = [] }: { form: UseFormReturn<VisitFormValues>; sameDay: SameDay; confirmLabel: string; known?: NamedPerson[] }) {
  const providers = useProviders();
  const { errors } = form.formState;
  return (
    <>
      <SimpleGrid cols={2}>
        {/* The first field: the dialog opens with focus here, so Enter never closes it by accident. */}
        <TextInput label="Date" type="date" data-autofocus {...form.register('date')} error={errors.date?.message} />
        <TextInput label="Time" type="time" {...form.register('time')} error={errors.time?.message} />
      </SimpleGrid>
      <SameDayWarning sameDay={sameDay} confirmLabel={confirmLabel} />
      <Controller
        control={form.control}
        name="providerId"
        render={({ field }) => (
          <Select
            label="Provider"
            placeholder="Choose the dentist or hygienist"
            data={providerOptions(providers, known)}
            value={field.value || null}
            onChange={(v) => field.onChange(v ?? '')}
            onBlur={field.onBlur}
            error={errors.providerId?.message}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No providers. An administrator can add dentists and hygienists under Users."
          />
        )}
      />
      <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.register('notes')} error={errors.notes?.message} />
    </>
  );
}

/** The date the form holds now, for the same-day check. */
export function useFormDate(form: UseFormReturn<VisitFormValues>): string {
  return useWatch({ control: form.control, name: 'date' });
}
