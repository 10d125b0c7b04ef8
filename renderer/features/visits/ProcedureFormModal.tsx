import { Alert, Button, Chip, Group, Input, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ApiError } from '../../api';
import { formatMoney, moneyToDecimal } from '../../../shared/domain/money';
import { AREA_NAMES, AREAS, SURFACE_NAMES, SURFACES, surfacesToText } from '../../../shared/domain/teeth';
import type { Procedure } from '../../../shared/types';
import { apiQuery, useApiMutation } from '../../lib/apiQuery';
import { handleSaveError } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { isSavedRecord, useStaleVersion } from '../../lib/useStaleVersion';
import { ConflictAlert } from '../../ui/ConflictAlert';
import {
  emptyProcedureValues,
  PROCEDURE_FORM_FIELDS,
  procedureResolver,
  procedureToValues,
  SERVER_FIELD_NAMES,
  toProcedureInput,
  type ProcedureFormValues,
} from './procedureForm';
import { providerOptions, useProviders } from './providers';
import { FormError } from '../../ui/FormError';

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

function title(dialog: ProcedureDialog | null): string {
  if (!dialog) return '';
  if (dialog.mode === 'edit') return `Edit ${dialog.procedure.code} ${dialog.procedure.name}`;
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

function ProcedureForm({ dialog, visitId, currency, defaultPerformerId, onClose, onSaved, onCorrect }: Omit<Props, 'dialog'> & { dialog: ProcedureDialog }) {
  const client = useQueryClient();
  const providers = useProviders();
  const addProcedure = useApiMutation('procedures.add');
  const updateProcedure = useApiMutation('procedures.update');
  // The procedure as it was when the dialog opened (held in `dialog`, not read
  // from the visit query), so a refetch behind the form never resets it.
  const editing = dialog.mode === 'edit' ? dialog.procedure : null;
  const corrects = dialog.mode === 'add' ? (dialog.corrects ?? null) : null;
  const { version, conflict, markStale, reload } = useStaleVersion(editing?.version ?? 1, async () => {
    if (!editing) return null;
    // Past the cache, and into it: the visit behind the dialog shows their version too.
    const visit = await client.fetchQuery({ ...apiQuery('visits.get', { id: visitId }), staleTime: 0 });
    const fresh = visit.procedures.find((p) => p.id === editing.id);
    if (!fresh) {
      notifyError(new ApiError('NOT_FOUND', 'This procedure was removed from the visit.'));
      onSaved();
      return null;
    }
    return fresh;
  });
  const [locked, setLocked] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<ProcedureFormValues>({
    resolver: procedureResolver(currency),
    defaultValues: editing
      ? procedureToValues(editing, currency)
      : dialog.mode === 'add' && dialog.initial
        ? dialog.initial
        : emptyProcedureValues(defaultPerformerId),
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const input = toProcedureInput(values, currency);
    try {
      if (editing) {
        await updateProcedure.mutateAsync({ ...input, id: editing.id, version });
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
        on: { CONFLICT: markStale, LOCKED: (e) => setLocked(e.message) },
      });
    }
  });

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
        {conflict ? (
          <ConflictAlert
            noun="procedure"
            reloading={conflict === 'reloading'}
            onReload={() => void reload()}
            saved={isSavedRecord(conflict) ? <SavedProcedure p={conflict} currency={currency} /> : undefined}
          />
        ) : null}
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
          <TextInput label="Code" placeholder="D2391" data-autofocus {...form.register('code')} error={errors.code?.message} />
          <TextInput label="Description" placeholder="Composite, one surface, posterior" {...form.register('name')} error={errors.name?.message} style={{ gridColumn: 'span 2' }} />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Tooth" placeholder="1-32 or A-T" {...form.register('toothNumber')} error={errors.toothNumber?.message} />
          <Controller
            control={form.control}
            name="area"
            render={({ field }) => (
              <Select
                label="Area"
                placeholder="None"
                clearable
                data={AREAS.map((a) => ({ value: a, label: `${a} – ${AREA_NAMES[a]}` }))}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.area?.message}
              />
            )}
          />
          {/* Plain text, checked by the contract's schema: 0, 1.5 or 1000 is refused with a message, never quietly changed. */}
          <TextInput label="Quantity" inputMode="numeric" autoComplete="off" {...form.register('quantity')} error={errors.quantity?.message} />
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
                      <Chip value={s} size="sm" radius="sm" variant="outline" styles={{ label: { minWidth: 40, justifyContent: 'center', fontWeight: 600 } }}>
                        {s}
                      </Chip>
                    </Tooltip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
          )}
        />

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Fee" placeholder={moneyToDecimal(12500, currency)} leftSection={<Text size="xs" c="dimmed">{currency}</Text>} leftSectionWidth={46} {...form.register('fee')} error={errors.fee?.message} />
          <Controller
            control={form.control}
            name="performedById"
            render={({ field }) => (
              <Select label="Performed by" placeholder="Not recorded" clearable data={providerOptions(providers)} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errors.performedById?.message} />
            )}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} {...form.register('notes')} error={errors.notes?.message} />

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {editing ? 'Save procedure' : corrects ? 'Add correction' : 'Add procedure'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SavedProcedure({ p, currency }: { p: Procedure; currency: string }) {
  const site = p.toothNumber ? `tooth ${p.toothNumber}${p.surfaces.length ? ` ${surfacesToText(p.surfaces)}` : ''}` : p.area ? `area ${p.area}` : 'no tooth';
  return (
    <Text size="sm">
      <b>{p.code}</b> {p.name} · {site} · qty {p.quantity} · {formatMoney(p.unitFee, currency)}
      {p.performedByName ? ` · by ${p.performedByName}` : ''}
    </Text>
  );
}
