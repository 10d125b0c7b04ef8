import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Switch, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconKey, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';
import { ROLE_LABELS, ROLES } from '../../../shared/domain/roles';
import type { User } from '../../../shared/types';
import { formatDay } from '../../lib/dates';
import { handleSaveError } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { apiQuery, useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { isSavedRecord, useStaleVersion } from '../../lib/useStaleVersion';
import { ConflictAlert } from '../../ui/ConflictAlert';
import { DataTable, type Columns } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';

const NO_INPUT = {};
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

type Dialog = { kind: 'new' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

function columns(open: (d: Dialog) => void): Columns<User> {
  return [
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
    {
      id: 'actions',
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      cell: ({ row }) => (
        <Group gap={6} justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => open({ kind: 'edit', user: row.original })} aria-label={`Edit ${row.original.displayName}`}>
            Edit
          </Button>
          <Button size="xs" variant="default" leftSection={<IconKey size={14} />} onClick={() => open({ kind: 'reset', user: row.original })} aria-label={`Reset password for ${row.original.displayName}`}>
            Reset password
          </Button>
        </Group>
      ),
    },
  ];
}

export function UsersScreen() {
  const users = useApiQuery('users.list', NO_INPUT);
  const [dialog, setDialog] = useState<Dialog>(null);
  const cols = useMemo(() => columns(setDialog), []);
  const close = () => setDialog(null);
  // The save invalidated ['users']: this list and the provider pickers refetch.
  const changed = close;
  const title = !dialog ? '' : dialog.kind === 'new' ? 'New user' : dialog.kind === 'edit' ? `Edit ${dialog.user.displayName}` : `Reset password for ${dialog.user.displayName}`;
  return (
    <>
      <PageHeader
        title="Users"
        subtitle="Everyone who can sign in at this practice. A change of role or a deactivation applies at once, even to someone signed in."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'new' })}>
            New user
          </Button>
        }
      />
      {users.error ? <ErrorAlert error={users.error} /> : null}
      <Paper withBorder radius="md">
        <DataTable columns={cols} data={users.data ?? []} rowKey={(u) => u.id} rowTestId="user-row" />
      </Paper>
      <Modal opened={dialog !== null} onClose={close} title={title}>
        {dialog?.kind === 'new' ? <NewUserForm onClose={close} onDone={changed} /> : null}
        {dialog?.kind === 'edit' ? <EditUserForm user={dialog.user} onClose={close} onDone={changed} /> : null}
        {dialog?.kind === 'reset' ? <ResetPasswordForm user={dialog.user} onClose={close} onDone={changed} /> : null}
      </Modal>
    </>
  );
}

interface FormProps {
  onClose: () => void;
  onDone: () => void;
}

function FormButtons({ onClose, busy, label }: { onClose: () => void; busy: boolean; label: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>Cancel</Button>
      <Button type="submit" loading={busy}>{label}</Button>
    </Group>
  );
}

const createSchema = contract['users.create'].input;

function NewUserForm({ onClose, onDone }: FormProps) {
  const createUser = useApiMutation('users.create');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof createSchema>, unknown, z.output<typeof createSchema>>({
    resolver: zodResolver(createSchema),
    defaultValues: { displayName: '', username: '', role: 'FRONT_DESK', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await createUser.mutateAsync(values);
      notifySuccess(`${user.displayName} can now sign in`);
      onDone();
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: ['displayName', 'username', 'role', 'password'], setFormError });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput label="Name" data-autofocus {...form.register('displayName')} error={errors.displayName?.message} />
        <TextInput label="Username" {...form.register('username')} error={errors.username?.message} />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select label="Role" data={ROLE_OPTIONS} value={field.value} onChange={(v) => field.onChange(v ?? 'FRONT_DESK')} allowDeselect={false} error={errors.role?.message} />
          )}
        />
        <PasswordInput label="Password" description="At least 10 characters. Share it only in person." {...form.register('password')} error={errors.password?.message} />
        <FormButtons onClose={onClose} busy={isSubmitting} label="Create user" />
      </Stack>
    </form>
  );
}

const updateSchema = contract['users.update'].input;

function EditUserForm({ user, onClose, onDone }: FormProps & { user: User }) {
  const client = useQueryClient();
  const updateUser = useApiMutation('users.update');
  // `user` is the row as it was when the dialog opened; a refetch of the list never resets the form.
  const { version, conflict, markStale, reload } = useStaleVersion(user.version, async () => {
    const fresh = (await client.fetchQuery({ ...apiQuery('users.list', NO_INPUT), staleTime: 0 })).find((u) => u.id === user.id);
    return fresh ?? null;
  });
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof updateSchema>, unknown, z.output<typeof updateSchema>>({
    resolver: zodResolver(updateSchema),
    defaultValues: { id: user.id, version: user.version, displayName: user.displayName, role: user.role, active: user.active },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await updateUser.mutateAsync({ ...values, version });
      notifySuccess(`${saved.displayName} saved`);
      onDone();
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: ['displayName', 'role', 'active'], setFormError, on: { CONFLICT: markStale } });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {conflict ? (
          <ConflictAlert
            noun="user"
            reloading={conflict === 'reloading'}
            onReload={() => void reload()}
            saved={isSavedRecord(conflict) ? <Text size="sm">{conflict.displayName} · {ROLE_LABELS[conflict.role]} · {conflict.active ? 'active' : 'inactive'}</Text> : undefined}
          />
        ) : null}
        <FormError message={formError} />
        <TextInput label="Name" data-autofocus {...form.register('displayName')} error={errors.displayName?.message} />
        <Text size="sm">
          Username <Text span ff="monospace">{user.username}</Text>
        </Text>
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select label="Role" data={ROLE_OPTIONS} value={field.value} onChange={(v) => field.onChange(v ?? user.role)} allowDeselect={false} error={errors.role?.message} />
          )}
        />
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <Switch
              label="Can sign in"
              description="Turn off when someone leaves the practice. Their name stays on the records they made."
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
              error={errors.active?.message}
            />
          )}
        />
        <FormButtons onClose={onClose} busy={isSubmitting} label="Save user" />
      </Stack>
    </form>
  );
}

const resetSchema = contract['users.resetPassword'].input;

function ResetPasswordForm({ user, onClose, onDone }: FormProps & { user: User }) {
  const resetPassword = useApiMutation('users.resetPassword');
  const form = useForm<z.input<typeof resetSchema>, unknown, z.output<typeof resetSchema>>({
    resolver: zodResolver(resetSchema),
    defaultValues: { id: user.id, password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await resetPassword.mutateAsync(values);
      notifySuccess(`${user.displayName} has a new password`);
      onDone();
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: ['password'] });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {user.displayName} is signed out everywhere and can sign in with the new password at once, even if too many wrong passwords had locked their username.
        </Text>
        <PasswordInput label="New password" description="At least 10 characters. Share it only in person." data-autofocus {...form.register('password')} error={errors.password?.message} />
        <FormButtons onClose={onClose} busy={isSubmitting} label="Set password" />
      </Stack>
    </form>
  );
}
