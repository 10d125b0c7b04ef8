import { Alert, Button, Chip, Group, Input, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FocusEvent, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { ApiError } from '../../api';
import { normaliseCode, SITE_KIND_LABELS } from '../../../shared/domain/fee-schedule';
import { moneyToDecimal, parseMoney } from '../../../shared/domain/money';
import { AREA_NAMES, AREAS, SURFACE_NAMES, SURFACES, type Area } from '../../../shared/domain/teeth';
import type { Procedure } from '../../../shared/types';
import { apiQuery, useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { handleSaveError } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useConflictMerge } from '../../lib/useConflictMerge';
import { ConflictMergeAlert } from '../../ui/ConflictMergeAlert';
import { FormError } from '../../ui/FormError';
import {
  emptyProcedureValues,
  PROCEDURE_FIELD_LABELS,
  PROCEDURE_FORM_FIELDS,
  procedureResolver,
  procedureToValues,
  SERVER_FIELD_NAMES,
  toProcedureInput,
  type ProcedureField,
  type ProcedureFormValues,
} from './procedureForm';
import { type NamedPerson, providerNamer, providerOptions, useProviders } from './providers';
import { SaveBlockedHint } from '../../ui/SaveBlockedHint';

export type ProcedureDialog =
  | { mode: 'add'; initial?: ProcedureFormValues; corrects?: Procedure }
  | { mode: 'edit'; procedure: Procedure };

interface Props {
  dialog: ProcedureDialog | null;
  visitId: string;
  currency: string;
  defaultPerformerId: string | null;
  onClose: () => void;
  onSaved: () => void;
  /** A LOCKED answer: continue as a correction, keeping what was typed. */
  onCorrect: (procedure: Procedure, values: ProcedureFormValues) => void;
}

/** Finished work keeps its clinical facts: only its notes can change (the core refuses the rest). */
export function isFinished(p: Procedure): boolean {
  return p.status === 'COMPLETED' || p.status === 'CANCELLED';
}

function title(dialog: ProcedureDialog | null): string {
  if (!dialog) return '';
  if (dialog.mode === 'edit') return `${isFinished(dialog.procedure) ? 'Notes on' : 'Edit'} ${dialog.procedure.code} ${dialog.procedure.name}`;
  if (dialog.corrects) return `Add correction for ${dialog.corrects.code} ${dialog.corrects.name}`;
  return 'Add procedure';
}

export function ProcedureFormModal({ dialog, onClose, ...rest }: Props) {
  return (
    <Modal opened={dialog !== null} onClose={onClose} title={title(dialog)} size="lg">
      {dialog ? <ProcedureForm dialog={dialog} onClose={onClose} {...rest} /> : null}
    </Modal>
  );
}

const short = (text: string) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);

function ProcedureForm({ dialog, visitId, currency, defaultPerformerId, onClose, onSaved, onCorrect }: Omit<Props, 'dialog'> & { dialog: ProcedureDialog }) {
  const client = useQueryClient();
  const format = useFormat();
  const providers = useProviders();
  const addProcedure = useApiMutation('procedures.add');
  const updateProcedure = useApiMutation('procedures.update');
  // The procedure as it was when the dialog opened (held in `dialog`, not read
  // from the visit query), so a refetch behind the form never resets it.
  const editing = dialog.mode === 'edit' ? dialog.procedure : null;
  const corrects = dialog.mode === 'add' ? (dialog.corrects ?? null) : null;
  const notesOnly = editing !== null && isFinished(editing);
  const [locked, setLocked] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // Who the saved versions name as performer, also when they are no longer active providers.
  const [named, setNamed] = useState<(NamedPerson | null)[]>(() => [performer(editing)]);

  const form = useForm<ProcedureFormValues>({
    resolver: procedureResolver(currency, format.formats.locale),
    defaultValues: editing
      ? procedureToValues(editing, currency)
      : dialog.mode === 'add' && dialog.initial
        ? dialog.initial
        : emptyProcedureValues(defaultPerformerId),
  });
  const { errors, isSubmitting } = form.formState;

  const conflict = useConflictMerge(form, editing?.version ?? 1, async () => {
    if (!editing) return null;
    // Past the cache, and into it: the visit behind the dialog shows their version too.
    const visit = await client.fetchQuery({ ...apiQuery('visits.get', { id: visitId }), staleTime: 0 });
    const fresh = visit.procedures.find((p) => p.id === editing.id);
    if (!fresh) {
      notifyError(new ApiError('NOT_FOUND', 'This procedure was removed from the visit.'));
      onSaved();
      return null;
    }
    setNamed((known) => [...known, performer(fresh)]);
    return { version: fresh.version, values: procedureToValues(fresh, currency) };
  });

  // A code from the fee schedule fills what is still empty (description, fee, minutes); nothing typed is overwritten.
  const schedule = useApiQuery('feeSchedule.list', {});
  const typedCode = useWatch({ control: form.control, name: 'code' });
  const scheduled = schedule.data?.find((e) => e.code === normaliseCode(typedCode ?? ''));
  const codeRegistration = form.register('code');
  const codeField = {
    ...codeRegistration,
    onBlur: async (e: FocusEvent<HTMLInputElement>) => {
      await codeRegistration.onBlur(e);
      const entry = schedule.data?.find((x) => x.code === normaliseCode(e.target.value) && !x.retiredAt);
      if (!entry || notesOnly) return;
      const fill = (field: 'name' | 'fee' | 'duration', value: string) => {
        if (!form.getValues(field).trim() && value) form.setValue(field, value, { shouldDirty: true });
      };
      fill('name', entry.shortName);
      fill('fee', moneyToDecimal(entry.defaultFee, currency));
      fill('duration', entry.defaultMinutes === null ? '' : String(entry.defaultMinutes));
    },
  };

  const nameOf = providerNamer(providers, named);
  const show = (field: ProcedureField, value: unknown): string => {
    const text = typeof value === 'string' ? value.trim() : '';
    switch (field) {
      case 'fee': {
        const minor = parseMoney(text, currency);
        return minor === null ? text || '(empty)' : format.money(minor, currency);
      }
      case 'performedById':
        return nameOf(typeof value === 'string' ? value : null) ?? 'Not recorded';
      case 'area':
        return text ? `${text} – ${AREA_NAMES[text as Area] ?? text}` : 'None';
      case 'surfaces':
        return Array.isArray(value) && value.length ? value.join(' ') : 'None';
      case 'duration':
        return text ? `${text} min` : 'Not recorded';
      case 'toothNumber':
        return text || 'None';
      default:
        return text ? short(text) : '(empty)';
    }
  };

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    // Belt and braces: the button is disabled, but Enter in a field submits too.
    if (!conflict.canSave) return;
    const input = toProcedureInput(values, currency);
    try {
      if (editing) {
        await updateProcedure.mutateAsync({ ...input, id: editing.id, version: conflict.version });
        notifySuccess('Procedure saved');
      } else {
        await addProcedure.mutateAsync({ ...input, visitId, correctsProcedureId: corrects?.id ?? null });
        notifySuccess(corrects ? 'Correction added' : 'Procedure added');
      }
      onSaved();
    } catch (err) {
      handleSaveError(err, {
        setError: form.setError,
        fields: PROCEDURE_FORM_FIELDS,
        rename: SERVER_FIELD_NAMES,
        setFormError,
        on: { CONFLICT: conflict.markStale, LOCKED: (e) => setLocked(e.message) },
      });
    }
  });

  const blocked = !conflict.canSave;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {corrects ? (
          <Alert color="gray" variant="light" py={8}>
            <Text size="sm">
              Corrects {corrects.code} {corrects.name}
              {corrects.lockedByClaim ? `, which is on claim ${corrects.lockedByClaim}` : ''}. The original stays as it was.
            </Text>
          </Alert>
        ) : null}
        {notesOnly ? (
          <Alert color="gray" variant="light" py={8} icon={<IconLock size={18} />}>
            <Text size="sm">This procedure is {editing.status === 'COMPLETED' ? 'completed' : 'cancelled'}: only its notes can change. Record any other change as a correction.</Text>
          </Alert>
        ) : null}
        <ConflictMergeAlert noun="procedure" conflict={conflict} labels={PROCEDURE_FIELD_LABELS} show={show} />
        {locked && editing ? (
          <Alert color="gray" variant="light" icon={<IconLock size={18} />} title="This procedure is locked" data-testid="locked-alert" role="alert">
            <Text size="sm">{locked}</Text>
            <Text size="sm" mt={4}>
              {editing.lockedByClaim ? `It is on claim ${editing.lockedByClaim}. ` : ''}Record the change as a correction instead.
            </Text>
            <Button size="xs" mt="sm" onClick={() => onCorrect(editing, form.getValues())}>
              Add correction
            </Button>
          </Alert>
        ) : null}
        <FormError message={formError} />

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Code"
            placeholder="D2391"
            data-autofocus={notesOnly ? undefined : true}
            disabled={notesOnly}
            {...codeField}
            error={errors.code?.message}
            description={scheduled ? `${scheduled.shortName}${scheduled.retiredAt ? ' (retired)' : ''} · ${SITE_KIND_LABELS[scheduled.siteKind].toLowerCase()}` : undefined}
          />
          <TextInput
            label="Description"
            placeholder="Composite, one surface, posterior"
            disabled={notesOnly}
            {...form.register('name')}
            error={errors.name?.message}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Tooth" placeholder="1-32 or A-T" disabled={notesOnly} {...form.register('toothNumber')} error={errors.toothNumber?.message} />
          <Controller
            control={form.control}
            name="area"
            render={({ field }) => (
              <Select
                label="Area"
                placeholder="None"
                clearable
                disabled={notesOnly}
                data={AREAS.map((a) => ({ value: a, label: `${a} – ${AREA_NAMES[a]}` }))}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.area?.message}
              />
            )}
          />
          {/* Plain text, checked by the contract's schema: 0, 1.5 or 1000 is refused with a message, never quietly changed. */}
          <TextInput label="Quantity" inputMode="numeric" autoComplete="off" disabled={notesOnly} {...form.register('quantity')} error={errors.quantity?.message} />
        </SimpleGrid>

        <Controller
          control={form.control}
          name="surfaces"
          render={({ field }) => (
            <Input.Wrapper label="Surfaces" description="Pick the surfaces of the tooth, if any." error={errors.surfaces?.message}>
              <Chip.Group multiple value={field.value} onChange={field.onChange}>
                <Group gap={6} mt={6} role="group" aria-label="Surfaces">
                  {SURFACES.map((s) => (
                    <Tooltip key={s} label={SURFACE_NAMES[s]} openDelay={400}>
                      <Chip value={s} size="sm" radius="sm" variant="outline" disabled={notesOnly} styles={{ label: { minWidth: 40, justifyContent: 'center', fontWeight: 600 } }}>
                        {s}
                      </Chip>
                    </Tooltip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
          )}
        />

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {/* Text as typed, like the quantity: "-5", "12.999" or "abc" is refused with a message, never rounded or clamped. */}
          <TextInput
            label="Fee"
            placeholder={moneyToDecimal(12500, currency)}
            leftSection={<Text size="xs" c="dimmed">{currency}</Text>}
            leftSectionWidth={46}
            autoComplete="off"
            disabled={notesOnly}
            {...form.register('fee')}
            error={errors.fee?.message}
          />
          <TextInput
            label="Duration"
            placeholder="Not recorded"
            inputMode="numeric"
            autoComplete="off"
            rightSection={<Text size="xs" c="dimmed">min</Text>}
            rightSectionWidth={40}
            disabled={notesOnly}
            {...form.register('duration')}
            error={errors.duration?.message}
          />
          <Controller
            control={form.control}
            name="performedById"
            render={({ field }) => (
              <Select
                label="Performed by"
                placeholder="Not recorded"
                clearable
                disabled={notesOnly}
                data={providerOptions(providers, named)}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.performedById?.message}
              />
            )}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} maxRows={8} data-autofocus={notesOnly ? true : undefined} {...form.register('notes')} error={errors.notes?.message} />

        <Group justify="flex-end" gap="sm">
          <SaveBlockedHint conflict={conflict} labels={PROCEDURE_FIELD_LABELS} />
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting} disabled={blocked}>
            {editing ? (notesOnly ? 'Save notes' : 'Save procedure') : corrects ? 'Add correction' : 'Add procedure'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function performer(p: Procedure | null): NamedPerson | null {
  return p?.performedById && p.performedByName ? { id: p.performedById, name: p.performedByName } : null;
}
