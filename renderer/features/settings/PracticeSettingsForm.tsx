import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Loader, Paper, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { PracticeSettings } from '../../../shared/types';
import { apiQuery, useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { formatterFor } from '../../lib/format';
import { handleSaveError } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { useConflictMerge } from '../../lib/useConflictMerge';
import { ConflictMergeAlert } from '../../ui/ConflictMergeAlert';
import { SaveBlockedHint } from '../../ui/SaveBlockedHint';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { useSession } from '../session/session.store';

const NO_INPUT = {};

/** The locales offered first; any other the practice already uses is added to the list. */
export const COMMON_LOCALES = [
  'en-US', 'en-GB', 'en-CA', 'en-AU', 'en-NZ', 'en-IE', 'fr-FR', 'fr-CA', 'fr-BE', 'fr-CH', 'de-DE', 'de-AT', 'de-CH',
  'es-ES', 'es-MX', 'it-IT', 'nl-NL', 'nl-BE', 'pt-BR', 'pt-PT', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL', 'ja-JP',
];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });
function localeLabel(tag: string): string {
  try {
    return `${languageNames.of(tag) ?? tag} · ${tag}`;
  } catch {
    return tag;
  }
}

// The preview's sample: a date of birth, an appointment time, a patient and a fee.
const SAMPLE = { date: '1994-05-16', time: '14:30', person: { firstName: 'Maya', lastName: 'Tanaka' }, amount: 123_456 };

const schema = contract['practice.update'].input.omit({ version: true });
type Values = z.input<typeof schema>;
type Field = Extract<keyof Values, string>;
const LABELS: Record<Field, string> = { name: 'Practice name', locale: 'Dates and money', timeFormat: 'Times', nameOrder: 'Names' };
const TIME_LABELS = { '12h': '12-hour (2:30 PM)', '24h': '24-hour (14:30)' } as const;
const ORDER_LABELS = { first_last: 'First name first (Maya Tanaka)', last_first: 'Last name first (Tanaka, Maya)' } as const;

const toValues = (p: PracticeSettings): Values => ({ name: p.name, locale: p.locale, timeFormat: p.timeFormat, nameOrder: p.nameOrder });

/** How a choice of formats writes the sample: the same formatter every screen uses. */
export function FormatPreview({ locale, timeFormat, nameOrder, currency }: Pick<PracticeSettings, 'locale' | 'timeFormat' | 'nameOrder' | 'currency'>) {
  let f;
  try {
    f = formatterFor({ locale, timeFormat, nameOrder });
  } catch {
    return null;
  }
  const rows: [string, string][] = [
    ['Date', f.date(SAMPLE.date)],
    ['Long date', f.longDate(SAMPLE.date)],
    ['Time', f.time(SAMPLE.time)],
    ['Name', f.name(SAMPLE.person)],
    ['Amount', f.money(SAMPLE.amount, currency)],
  ];
  return (
    <Paper bg="gray.0" p="sm" radius="sm" data-testid="format-preview" aria-label="Preview">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
        Preview
      </Text>
      <Stack gap={2}>
        {rows.map(([label, value]) => (
          <Group key={label} gap={8} wrap="nowrap">
            <Text size="sm" c="dimmed" w={72} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid={`preview-${label.toLowerCase().replace(' ', '-')}`}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * The practice's name and how every screen writes dates, times, names and
 * money (ADMIN). Loads once; after a save the session is read again, so
 * every open screen switches to the new formats at once.
 */
export function PracticeSettingsCard() {
  const practice = useApiQuery('practice.get', NO_INPUT);
  // The record the form opened with: a refetch (a colleague's save, a live refresh) never resets the typing.
  const [opened, setOpened] = useState<PracticeSettings | null>(null);
  const current = opened ?? practice.data ?? null;
  if (!opened && practice.data) setOpened(practice.data);
  if (practice.error && !current) return <ErrorAlert error={practice.error} title="Could not load the practice settings" />;
  if (!current) return <Loader size="sm" />;
  return <PracticeForm key={current.version} practice={current} onSaved={setOpened} />;
}

function PracticeForm({ practice, onSaved }: { practice: PracticeSettings; onSaved: (p: PracticeSettings) => void }) {
  const client = useQueryClient();
  const update = useApiMutation('practice.update');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: toValues(practice) });
  const conflict = useConflictMerge(form, practice.version, async () => {
    const fresh = await client.fetchQuery({ ...apiQuery('practice.get', NO_INPUT), staleTime: 0 });
    return { version: fresh.version, values: toValues(fresh) };
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [locale, timeFormat, nameOrder] = useWatch({ control: form.control, name: ['locale', 'timeFormat', 'nameOrder'] });
  const localeOptions = (COMMON_LOCALES.includes(practice.locale) ? COMMON_LOCALES : [practice.locale, ...COMMON_LOCALES]).map((tag) => ({ value: tag, label: localeLabel(tag) }));

  const submit = form.handleSubmit(async (values) => {
    if (!conflict.canSave) return;
    setFormError(null);
    try {
      const saved = await update.mutateAsync({ ...values, version: conflict.version });
      // The session carries the formats: read it again, and every screen writes the new way.
      await useSession.getState().load();
      notifySuccess('Practice settings saved');
      onSaved(saved);
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: ['name', 'locale', 'timeFormat', 'nameOrder'], setFormError, on: { CONFLICT: conflict.markStale } });
    }
  });

  const show = (field: Field, value: unknown) =>
    field === 'timeFormat' ? TIME_LABELS[value as keyof typeof TIME_LABELS] : field === 'nameOrder' ? ORDER_LABELS[value as keyof typeof ORDER_LABELS] : field === 'locale' ? localeLabel(String(value)) : String(value ?? '');

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Practice settings">
      <Stack gap="sm">
        <ConflictMergeAlert noun="practice's settings" conflict={conflict} labels={LABELS} show={show} />
        <FormError message={formError} />
        <TextInput label={LABELS.name} {...form.register('name')} error={errors.name?.message} />
        <Controller
          control={form.control}
          name="locale"
          render={({ field }) => (
            <Select
              label={LABELS.locale}
              description="Language and region: the order of day and month, month names, and how amounts are written. The search box reads dates of birth this way too."
              data={localeOptions}
              value={field.value}
              onChange={(v) => field.onChange(v ?? field.value)}
              searchable
              allowDeselect={false}
              nothingFoundMessage="Not in the list: pick the closest language and region."
              error={errors.locale?.message}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="timeFormat"
          render={({ field }) => (
            <Radio.Group label={LABELS.timeFormat} value={field.value} onChange={(v) => field.onChange(v)} error={errors.timeFormat?.message}>
              <Group gap="lg" mt={4}>
                <Radio value="12h" label={TIME_LABELS['12h']} />
                <Radio value="24h" label={TIME_LABELS['24h']} />
              </Group>
            </Radio.Group>
          )}
        />
        <Controller
          control={form.control}
          name="nameOrder"
          render={({ field }) => (
            <Radio.Group label={LABELS.nameOrder} description="In lists and headers. Sentences always say the first name first." value={field.value} onChange={(v) => field.onChange(v)} error={errors.nameOrder?.message}>
              <Stack gap={6} mt={6}>
                <Radio value="first_last" label={ORDER_LABELS.first_last} />
                <Radio value="last_first" label={ORDER_LABELS.last_first} />
              </Stack>
            </Radio.Group>
          )}
        />
        <FormatPreview locale={locale} timeFormat={timeFormat} nameOrder={nameOrder} currency={practice.currency} />
        <Group justify="flex-end" gap="sm">
          <SaveBlockedHint conflict={conflict} labels={LABELS} />
          <Button type="submit" loading={isSubmitting} disabled={!conflict.canSave || (!isDirty && conflict.phase === 'none')}>
            Save practice settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
