import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Switch, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconBuildingFactory2, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { mayCall } from '../../../shared/contract';
import type { Lab } from '../../../shared/types';
import { ApiError } from '../../api';
import { useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { todayIso } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { queryKeys } from '../../lib/queryKeys';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { SubmitForm } from '../../ui/SubmitForm';
import { PageHeader } from '../../ui/PageHeader';
import { useSession } from '../session/session.store';

/** The labs the practice sends work to, and the days it is closed (lab due dates skip them). */
export function LabsScreen() {
  const role = useSession((s) => s.user?.role);
  const [showHidden, setShowHidden] = useState(false);
  const labs = useApiQuery('labs.list', { includeHidden: showHidden });
  const [editing, setEditing] = useState<Lab | 'new' | null>(null);
  const canSave = mayCall('labs.save', role);
  return (
    <>
      <PageHeader
        title="Lab directory"
        subtitle="Where lab work goes, and how many working days each lab takes."
        actions={
          canSave ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add lab
            </Button>
          ) : null
        }
      />
      {labs.error ? <ErrorAlert error={labs.error} /> : null}
      <Group mb="sm">
        <Switch label="Show hidden labs" checked={showHidden} onChange={(e) => setShowHidden(e.currentTarget.checked)} />
      </Group>
      <Paper withBorder radius="md" mb="xl">
        {labs.data && labs.data.length === 0 ? (
          <Empty icon={<IconBuildingFactory2 size={22} />} title="No labs yet" hint={canSave ? 'Add the labs the practice sends crowns, bridges and appliances to.' : 'Ask an administrator, a dentist or the front desk to add the practice’s labs.'} />
        ) : (
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th ta="right">Turnaround</Table.Th>
                {canSave ? (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(labs.data ?? []).map((lab) => (
                <Table.Tr key={lab.id} data-testid="lab-row">
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {lab.name}
                      </Text>
                      {lab.hidden ? (
                        <Badge color="gray" variant="outline" size="sm">
                          Hidden
                        </Badge>
                      ) : null}
                    </Group>
                    {lab.address ? (
                      <Text size="xs" c="dimmed">
                        {lab.address}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{lab.phone ?? '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{lab.email ?? '—'}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {lab.turnaroundDays} working days
                  </Table.Td>
                  {canSave ? (
                    <Table.Td ta="right">
                      <ActionIcon variant="subtle" aria-label={`Edit ${lab.name}`} onClick={() => setEditing(lab)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ClosedDays />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Add lab' : 'Edit lab'} size="lg" trapFocus>
        {editing ? <LabForm lab={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      </Modal>
    </>
  );
}

type LabField = 'name' | 'phone' | 'email' | 'address' | 'notes' | 'turnaroundDays';

function LabForm({ lab, onClose }: { lab: Lab | null; onClose: () => void }) {
  const client = useQueryClient();
  const save = useApiMutation('labs.save');
  const [values, setValues] = useState({
    name: lab?.name ?? '',
    phone: lab?.phone ?? '',
    email: lab?.email ?? '',
    address: lab?.address ?? '',
    notes: lab?.notes ?? '',
    turnaroundDays: lab?.turnaroundDays ?? 10,
    hidden: lab?.hidden ?? false,
  });
  const [errors, setErrors] = useState<Partial<Record<LabField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const text = (field: Exclude<LabField, 'turnaroundDays'>) => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => setValues((v) => ({ ...v, [field]: e.currentTarget.value })),
    error: errors[field],
  });

  const submit = async () => {
    setFormError(null);
    setErrors({});
    try {
      await save.mutateAsync({ ...(lab ? { id: lab.id, version: lab.version } : {}), ...values });
      notifySuccess(lab ? `${values.name} saved` : `${values.name} added`);
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) return notifyError(err);
      const onFields = Object.fromEntries(err.issues.filter((i) => i.path in values).map((i) => [i.path, i.message]));
      setErrors(onFields);
      if (Object.keys(onFields).length) return;
      if (err.code === 'CONFLICT') {
        void client.invalidateQueries({ queryKey: queryKeys.labs.all });
        return setFormError('Someone else changed this lab a moment ago. Close this form to see their change, then edit again.');
      }
      setFormError(err.message);
    }
  };

  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput label="Name" required data-autofocus {...text('name')} />
        <SimpleGrid cols={2}>
          <TextInput label="Phone" {...text('phone')} />
          <TextInput label="Email" type="email" {...text('email')} />
        </SimpleGrid>
        <NumberInput
          label="Turnaround"
          description="Working days from sending to the due date; weekends and the practice's closed days are skipped."
          min={0}
          max={365}
          allowDecimal={false}
          suffix=" working days"
          value={values.turnaroundDays}
          onChange={(v) => setValues((x) => ({ ...x, turnaroundDays: typeof v === 'number' ? v : Number.NaN }))}
          error={errors.turnaroundDays}
          w={260}
        />
        <Textarea label="Address" autosize minRows={2} {...text('address')} />
        <Textarea label="Notes" autosize minRows={2} {...text('notes')} />
        <Switch
          label="Hidden"
          description="Not offered for new cases; cases already there keep it."
          checked={values.hidden}
          onChange={(e) => setValues((v) => ({ ...v, hidden: e.currentTarget.checked }))}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button type="submit" loading={save.isPending}>
            {lab ? 'Save lab' : 'Add lab'}
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}

function ClosedDays() {
  const role = useSession((s) => s.user?.role);
  const format = useFormat();
  const [showPast, setShowPast] = useState(false);
  const days = useApiQuery('closedDays.list', showPast ? {} : { from: todayIso() });
  const add = useApiMutation('closedDays.add');
  const remove = useApiMutation('closedDays.remove');
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const canChange = mayCall('closedDays.add', role);

  const submit = async () => {
    setError(null);
    if (!day) return setError('Pick the day.');
    try {
      await add.mutateAsync({ day, note });
      notifySuccess(`${format.longDate(day)} is a closed day`);
      setDay('');
      setNote('');
    } catch (err) {
      if (err instanceof ApiError) setError(err.issues[0]?.message ?? err.message);
      else notifyError(err);
    }
  };

  return (
    <section aria-labelledby="closed-days-title" data-testid="closed-days">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={3} fz={18} id="closed-days-title">
            Closed days
          </Title>
          <Text size="sm" c="dimmed">
            Holidays and other days the practice is closed: a lab's turnaround does not count them.
            {canChange ? '' : ' An administrator keeps this list.'}
          </Text>
        </div>
        <Switch label="Show past days" checked={showPast} onChange={(e) => setShowPast(e.currentTarget.checked)} />
      </Group>
      {canChange ? (
        <SubmitForm onSubmit={submit}>
          <Group align="flex-start" mb="sm">
            <TextInput label="Day" type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} error={error} w={180} />
            <TextInput label="Note" placeholder="Christmas Day" value={note} onChange={(e) => setNote(e.currentTarget.value)} w={260} />
            <Button type="submit" mt={25} loading={add.isPending} variant="light">
              Add closed day
            </Button>
          </Group>
        </SubmitForm>
      ) : null}
      <Paper withBorder radius="md">
        {days.data && days.data.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {showPast ? 'No closed days listed.' : 'No closed days ahead.'}
          </Text>
        ) : (
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {(days.data ?? []).map((d) => (
                <Table.Tr key={d.day} data-testid="closed-day">
                  <Table.Td w={200}>{format.longDate(d.day)}</Table.Td>
                  <Table.Td>{d.note ?? ''}</Table.Td>
                  {canChange ? (
                    <Table.Td ta="right" w={60}>
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove ${format.longDate(d.day)}`} onClick={() => setRemoving(d.day)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ConfirmModal
        opened={removing !== null}
        title="Remove closed day"
        message={removing ? `Open on ${format.longDate(removing)} after all? Due dates already set stay as they are.` : ''}
        confirmLabel="Remove closed day"
        onConfirm={async () => {
          if (removing) await remove.mutateAsync({ day: removing }).catch(notifyError);
          setRemoving(null);
        }}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}
