import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { moneyToDecimal, parseMoney } from '../../../shared/domain/money';
import type { LabCase, Procedure } from '../../../shared/types';
import { ApiError } from '../../api';
import { useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { notifySuccess } from '../../lib/notify';
import { FormError } from '../../ui/FormError';
import { SubmitForm } from '../../ui/SubmitForm';

interface Props {
  opened: boolean;
  /** The procedure a new case is for; with `labCase`, the case being edited. */
  procedure: Procedure;
  labCase: LabCase | null;
  currency: string;
  onClose: () => void;
}

/** Opens a lab case for a procedure, or edits one: the lab, what it is to make, and what the practice pays. */
export function LabCaseFormModal({ opened, procedure, labCase, currency, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={labCase ? 'Edit lab case' : `Open lab case: ${procedure.code} ${procedure.name}`} size="lg" trapFocus>
      {opened ? <LabCaseForm procedure={procedure} labCase={labCase} currency={currency} onClose={onClose} /> : null}
    </Modal>
  );
}

type Field = 'labId' | 'shade' | 'instructions' | 'labFee' | 'trackingNo' | 'dueDate' | 'notes';

function LabCaseForm({ procedure, labCase, currency, onClose }: Omit<Props, 'opened'>) {
  const labs = useApiQuery('labs.list', { includeHidden: true });
  const open = useApiMutation('labCases.open');
  const update = useApiMutation('labCases.update');
  const back = labCase?.stage === 'RECEIVED' || labCase?.stage === 'CHECKED';
  const [values, setValues] = useState<Record<Field, string>>({
    labId: labCase?.labId ?? '',
    shade: labCase?.shade ?? '',
    instructions: labCase?.instructions ?? '',
    labFee: labCase?.labFee != null ? moneyToDecimal(labCase.labFee, currency) : '',
    trackingNo: labCase?.trackingNo ?? '',
    dueDate: labCase?.dueDate ?? '',
    notes: labCase?.notes ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  // A hidden lab is offered only to the case already at it.
  const choices = (labs.data ?? []).filter((l) => !l.hidden || l.id === labCase?.labId).map((l) => ({ value: l.id, label: `${l.name} (${l.turnaroundDays} working days)` }));

  const submit = async () => {
    setFormError(null);
    const next: Partial<Record<Field, string>> = {};
    if (!values.labId) next.labId = 'Pick the lab.';
    const fee = values.labFee.trim() ? parseMoney(values.labFee, currency) : null;
    if (values.labFee.trim() && fee === null) next.labFee = 'Not an amount, e.g. 185.00.';
    setErrors(next);
    if (Object.keys(next).length) return;
    const details = {
      labId: values.labId,
      shade: values.shade,
      instructions: values.instructions,
      notes: values.notes,
      trackingNo: values.trackingNo,
      labFee: fee,
      dueDate: values.dueDate || null,
    };
    try {
      if (labCase) await update.mutateAsync({ id: labCase.id, version: labCase.version, ...details });
      else await open.mutateAsync({ procedureId: procedure.id, ...details });
      notifySuccess(labCase ? 'Lab case saved' : 'Lab case opened');
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) return setFormError(String(err));
      const onFields = Object.fromEntries(err.issues.filter((i) => i.path in values).map((i) => [i.path, i.message]));
      setErrors(onFields);
      if (Object.keys(onFields).length === 0) {
        setFormError(err.code === 'CONFLICT' ? 'Someone else changed this case a moment ago. Close this form to see their change, then edit again.' : err.message);
      }
    }
  };

  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="md">
        <FormError message={formError} />
        <Select
          label="Lab"
          required
          data={choices}
          value={values.labId || null}
          onChange={(v) => set('labId')(v ?? '')}
          error={errors.labId}
          disabled={Boolean(labCase && labCase.stage !== 'NOT_SENT')}
          description={labCase && labCase.stage !== 'NOT_SENT' ? 'The work is at this lab already.' : undefined}
          searchable
          data-autofocus
          nothingFoundMessage="No lab by that name: add it in Settings, Lab directory."
        />
        <SimpleGrid cols={2}>
          <TextInput label="Shade" placeholder="A2" value={values.shade} onChange={(e) => set('shade')(e.currentTarget.value)} error={errors.shade} disabled={back} />
          <TextInput label="Lab fee" placeholder="185.00" value={values.labFee} onChange={(e) => set('labFee')(e.currentTarget.value)} error={errors.labFee} description="What the lab charges; not on the patient's bill." />
          <TextInput label="Tracking number" value={values.trackingNo} onChange={(e) => set('trackingNo')(e.currentTarget.value)} error={errors.trackingNo} />
          <TextInput
            label="Due back"
            type="date"
            value={values.dueDate}
            onChange={(e) => set('dueDate')(e.currentTarget.value)}
            error={errors.dueDate}
            disabled={back}
            description={labCase?.sentDate ? undefined : 'Leave empty: sending sets it from the lab’s turnaround.'}
          />
        </SimpleGrid>
        <Textarea label="Instructions for the lab" autosize minRows={2} maxRows={6} value={values.instructions} onChange={(e) => set('instructions')(e.currentTarget.value)} error={errors.instructions} disabled={back} />
        <Textarea label="Notes" description="For the practice; not printed on the slip." autosize minRows={1} maxRows={5} value={values.notes} onChange={(e) => set('notes')(e.currentTarget.value)} error={errors.notes} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button type="submit" loading={open.isPending || update.isPending}>
            {labCase ? 'Save lab case' : 'Open lab case'}
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}
