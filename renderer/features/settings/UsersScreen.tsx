import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { api, ApiError } from '../../api';
import { contract } from '../../../shared/contract';
import { ROLE_LABELS, ROLES } from '../../../shared/domain/roles';
import type { User } from '../../../shared/types';
import { formatDay } from '../../lib/dates';
import { applyServerIssues } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useApiQuery } from '../../lib/useApiQuery';
import { DataTable, type Columns } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useProvidersStore } from '../visits/providers.store';

const schema = contract['users.create'].input;
type Values = z.input<typeof schema>;
const NO_INPUT = {};

const columns: Columns<User> = [
  { id: 'name', header: 'Name', cell: ({ row }) => <Text fz={14} fw={500}>{row.original.displayName}</Text> },
  { id: 'username', header: 'Username', cell: ({ row }) => <Text ff="monospace" fz={13}>{row.original.username}</Text> },
  { id: 'role', header: 'Role', cell: ({ row }) => ROLE_LABELS[row.original.role] },
  {
    id: 'active',
    header: 'Status',
    cell: ({ row }) =>
      row.original.active ? (
        <Badge color="green" variant="light">Active</Badge>
      ) : (
        <Badge color="gray" variant="outline">Inactive</Badge>
      ),
  },
  { id: 'created', header: 'Added', cell: ({ row }) => formatDay(row.original.createdAt.slice(0, 10)) },
];

export function UsersScreen() {
  const users = useApiQuery(api.users.list, NO_INPUT);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Users"
        subtitle="Everyone who can sign in at this practice."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      {users.error ? <ErrorAlert error={users.error} /> : null}
      <Paper withBorder radius="md">
        <DataTable columns={columns} data={users.data ?? []} rowKey={(u) => u.id} rowTestId="user-row" />
      </Paper>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New user">
        {creating ? (
          <NewUserForm
            onClose={() => setCreating(false)}
            onCreated={() => {
              setCreating(false);
              users.reload();
              // A new dentist or hygienist must show up in provider pickers.
              useProvidersStore.setState({ providers: null });
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function NewUserForm({ onClose, onCreated }: { onClose: () => void; onCreated: (u: User) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', username: '', role: 'FRONT_DESK', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await api.users.create(values);
      notifySuccess(`${user.displayName} can now sign in`);
      onCreated(user);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION') {
        setFormError(applyServerIssues(err, form.setError, ['displayName', 'username', 'role', 'password'])[0] ?? null);
      } else if (err instanceof ApiError && err.code === 'CONFLICT') {
        form.setError('username', { type: 'server', message: err.message });
      } else notifyError(err);
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {formError ? <Alert color="red" variant="light" role="alert">{formError}</Alert> : null}
        <TextInput label="Name" data-autofocus {...form.register('displayName')} error={errors.displayName?.message} />
        <TextInput label="Username" {...form.register('username')} error={errors.username?.message} />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select label="Role" data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} value={field.value} onChange={(v) => field.onChange(v ?? 'FRONT_DESK')} allowDeselect={false} error={errors.role?.message} />
          )}
        />
        <PasswordInput label="Password" description="At least 10 characters. They can share it only in person." {...form.register('password')} error={errors.password?.message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={isSubmitting}>Create user</Button>
        </Group>
      </Stack>
    </form>
  );
}
