import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Checkbox, Group, Modal, Paper, PasswordInput, Select, Stack, Switch, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconKey, IconLockOpen, IconPencil, IconStethoscope, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import { type ReactNode, useMemo, useState } from 'react';
import { Controller, useForm, type Control, type UseFormSetValue } from 'react-hook-form';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { PROVIDER_ROLES, ROLE_LABELS, ROLES, type Role } from '../../../shared/domain/roles';
import type { User } from '../../../shared/types';
import { apiQuery, useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { useFormat, type Formatter } from '../../lib/format';
import { handleSaveError } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useConflictMerge } from '../../lib/useConflictMerge';
import { ConflictMergeAlert } from '../../ui/ConflictMergeAlert';
import { SaveBlockedHint } from '../../ui/SaveBlockedHint';
import { DataTable, type Columns } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { NoProviderNotice } from '../patients/NoProviderNotice';
import { useSession } from '../session/session.store';

const NO_INPUT = {};
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

type Dialog = { kind: 'new' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

/** A timestamp's day in this workstation's time zone, as the practice writes dates. */
const dayOf = (fmt: Formatter, instant: string) => fmt.date(format(new Date(instant), 'yyyy-MM-dd'));

/**
 * Whether a role sees patients: dentists and hygienists always, assistants and
 * the front desk never, an administrator when marked (null: the checkbox decides).
 */
function providerByRole(role: Role): boolean | null {
  if (PROVIDER_ROLES.includes(role)) return true;
  return role === 'ADMIN' ? null : false;
}

function columns(fmt: Formatter, open: (d: Dialog) => void, unlock: (u: User) => void, unlocking: string | null): Columns<User> {
  return [
    {
      id: 'name',
      header: 'Name',
      cell: ({ row }) => (
        <>
          <Text fz={14} fw={500} style={{ whiteSpace: 'nowrap' }}>
            {row.original.displayName}
          </Text>
          <Text fz={12} c="dimmed">
            <Text span ff="monospace" fz={12}>
              {row.original.username}
            </Text>
            {' · '}added {dayOf(fmt, row.original.createdAt)}
          </Text>
        </>
      ),
    },
    { id: 'role', header: 'Role', cell: ({ row }) => <Text fz={14} style={{ whiteSpace: 'nowrap' }}>{ROLE_LABELS[row.original.role]}</Text> },
    {
      id: 'provider',
      header: 'Provider',
      cell: ({ row }) =>
        row.original.provider ? (
          <Group gap={4} wrap="nowrap" c="petrol.7" data-testid="provider-yes">
            <IconStethoscope size={15} />
            <Text fz={14} c="petrol.7" fw={500}>
              Yes
            </Text>
          </Group>
        ) : (
          <Text fz={14} c="dimmed">
            No
          </Text>
        ),
    },
    {
      id: 'active',
      header: 'Status',
      cell: ({ row }) => (
        <Stack gap={4} align="flex-start">
          {row.original.active ? (
            <Badge color="green" variant="light" miw="max-content">
              Active
            </Badge>
          ) : (
            <Badge color="gray" variant="outline" miw="max-content">
              Inactive
            </Badge>
          )}
          {row.original.lockedMinutes > 0 ? (
            <Badge color="orange" variant="filled" size="sm" miw="max-content" data-testid="locked-out" title="Too many wrong passwords. Unlock lets them try again now; Reset password gives them a new one.">
              Locked out ({row.original.lockedMinutes} min)
            </Badge>
          ) : null}
        </Stack>
      ),
    },
    {
      id: 'actions',
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      cell: ({ row }) => {
        const u = row.original;
        return (
          <Group gap={6} justify="flex-end" wrap="wrap">
            {u.lockedMinutes > 0 ? (
              <Button size="xs" color="orange" variant="light" leftSection={<IconLockOpen size={14} />} loading={unlocking === u.id} onClick={() => unlock(u)} aria-label={`Unlock ${u.displayName}`}>
                Unlock
              </Button>
            ) : null}
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => open({ kind: 'edit', user: u })} aria-label={`Edit ${u.displayName}`}>
              Edit
            </Button>
            <Button size="xs" variant="default" leftSection={<IconKey size={14} />} onClick={() => open({ kind: 'reset', user: u })} aria-label={`Reset password for ${u.displayName}`}>
              Reset password
            </Button>
          </Group>
        );
      },
    },
  ];
}

export function UsersScreen() {
  const fmt = useFormat();
  const users = useApiQuery('users.list', NO_INPUT);
  const { mutateAsync: unlockUser } = useApiMutation('users.unlock');
  const [unlocking, setUnlocking] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const cols = useMemo(() => {
    const unlock = async (u: User) => {
      setUnlocking(u.id);
      try {
        await unlockUser({ id: u.id });
        notifySuccess(`${u.displayName} can try their password again`);
      } catch (err) {
        notifyError(err);
      } finally {
        setUnlocking(null);
      }
    };
    return columns(fmt, setDialog, (u) => void unlock(u), unlocking);
  }, [fmt, unlocking, unlockUser]);
  const close = () => setDialog(null);
  // The save invalidated ['users']: this list and the provider pickers refetch.
  const changed = close;
  const noProvider = users.data !== undefined && !users.data.some((u) => u.active && u.provider);
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
      {noProvider ? <NoProviderNotice onUsersScreen /> : null}
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

function FormButtons({ onClose, busy, label, disabled = false, waiting }: { onClose: () => void; busy: boolean; label: string; disabled?: boolean; waiting?: ReactNode }) {
  return (
    <Group justify="flex-end" gap="sm">
      {waiting}
      <Button variant="default" onClick={onClose}>Cancel</Button>
      <Button type="submit" loading={busy} disabled={disabled}>{label}</Button>
    </Group>
  );
}

/** Role and provider together: the provider checkbox follows the role, and only an administrator's is a choice. */
interface RoleFields {
  role: Role;
  provider: boolean;
}

function RoleAndProvider<T extends RoleFields>({ control, setValue, errors }: { control: Control<T>; setValue: UseFormSetValue<T>; errors: { role?: { message?: string }; provider?: { message?: string } } }) {
  // react-hook-form's generic paths: this component only ever touches these two fields.
  const ctl = control as unknown as Control<RoleFields>;
  const set = setValue as unknown as UseFormSetValue<RoleFields>;
  return (
    <>
      <Controller
        control={ctl}
        name="role"
        render={({ field }) => (
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={field.value}
            onChange={(v) => {
              const role = v ?? field.value;
              field.onChange(role);
              const byRole = providerByRole(role);
              if (byRole !== null) set('provider', byRole, { shouldDirty: true });
            }}
            allowDeselect={false}
            error={errors.role?.message}
          />
        )}
      />
      <Controller
        control={ctl}
        name="role"
        render={({ field: { value: role } }) => (
          <Controller
            control={ctl}
            name="provider"
            render={({ field }) => {
              const byRole = providerByRole(role);
              return (
                <Checkbox
                  label="Provider (sees patients)"
                  description={
                    byRole === null
                      ? 'An administrator who also treats patients can be named as a visit’s provider.'
                      : byRole
                        ? `A ${ROLE_LABELS[role].toLowerCase()} always sees patients.`
                        : role === 'ASSISTANT'
                          ? 'An assistant is never a visit’s provider.'
                          : 'The front desk is never a visit’s provider.'
                  }
                  checked={byRole ?? field.value}
                  disabled={byRole !== null}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  error={errors.provider?.message}
                />
              );
            }}
          />
        )}
      />
    </>
  );
}

const createSchema = contract['users.create'].input.extend({ provider: z.boolean() });

function NewUserForm({ onClose, onDone }: FormProps) {
  const createUser = useApiMutation('users.create');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof createSchema>, unknown, z.output<typeof createSchema>>({
    resolver: zodResolver(createSchema),
    defaultValues: { displayName: '', username: '', role: 'FRONT_DESK', password: '', provider: false },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ provider, ...values }) => {
    setFormError(null);
    try {
      // Only an administrator's provider flag is a choice; other roles follow their role.
      const user = await createUser.mutateAsync({ ...values, provider: values.role === 'ADMIN' ? provider : undefined });
      notifySuccess(`${user.displayName} can now sign in`);
      onDone();
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: ['displayName', 'username', 'role', 'password', 'provider'], setFormError });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput label="Name" data-autofocus {...form.register('displayName')} error={errors.displayName?.message} />
        <TextInput
          label="Username"
          description="3–40 letters, digits, dots, dashes or underscores. Not case-sensitive: Noor and noor are the same."
          {...form.register('username')}
          error={errors.username?.message}
        />
        <RoleAndProvider control={form.control} setValue={form.setValue} errors={errors} />
        <PasswordInput label="Password" description="At least 10 characters. Share it only in person." {...form.register('password')} error={errors.password?.message} />
        <FormButtons onClose={onClose} busy={isSubmitting} label="Create user" />
      </Stack>
    </form>
  );
}

const editSchema = contract['users.update'].input.omit({ id: true, version: true }).extend({ provider: z.boolean() });
type EditValues = z.input<typeof editSchema>;
type EditField = Extract<keyof EditValues, string>;
const EDIT_LABELS: Record<EditField, string> = { displayName: 'Name', role: 'Role', active: 'Can sign in', provider: 'Provider' };

const toEditValues = (u: User): EditValues => ({ displayName: u.displayName, role: u.role, active: u.active, provider: u.provider });

function EditUserForm({ user, onClose, onDone }: FormProps & { user: User }) {
  const client = useQueryClient();
  const updateUser = useApiMutation('users.update');
  const [formError, setFormError] = useState<string | null>(null);
  // `user` is the row as it was when the dialog opened; a refetch of the list never resets the form.
  const form = useForm<EditValues, unknown, z.output<typeof editSchema>>({
    resolver: zodResolver(editSchema),
    defaultValues: toEditValues(user),
  });
  const conflict = useConflictMerge(form, user.version, async () => {
    const fresh = (await client.fetchQuery({ ...apiQuery('users.list', NO_INPUT), staleTime: 0 })).find((u) => u.id === user.id);
    return fresh ? { version: fresh.version, values: toEditValues(fresh) } : null;
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ provider, ...values }) => {
    if (!conflict.canSave) return;
    setFormError(null);
    try {
      const saved = await updateUser.mutateAsync({ ...values, id: user.id, version: conflict.version, provider: values.role === 'ADMIN' ? provider : undefined });
      notifySuccess(`${saved.displayName} saved`);
      onDone();
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: ['displayName', 'role', 'active', 'provider'], setFormError, on: { CONFLICT: conflict.markStale } });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <ConflictMergeAlert
          noun="user"
          conflict={conflict}
          labels={EDIT_LABELS}
          show={(field, value) =>
            field === 'role' ? ROLE_LABELS[value as Role] : field === 'active' ? (value ? 'can sign in' : 'cannot sign in') : field === 'provider' ? (value ? 'sees patients' : 'does not see patients') : String(value ?? '(empty)')
          }
        />
        <FormError message={formError} />
        <TextInput label="Name" data-autofocus {...form.register('displayName')} error={errors.displayName?.message} />
        <Text size="sm">
          Username <Text span ff="monospace">{user.username}</Text>
        </Text>
        <RoleAndProvider control={form.control} setValue={form.setValue} errors={errors} />
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
        <FormButtons onClose={onClose} busy={isSubmitting} label="Save user" disabled={!conflict.canSave} waiting={<SaveBlockedHint conflict={conflict} labels={EDIT_LABELS} />} />
      </Stack>
    </form>
  );
}

const resetSchema = contract['users.resetPassword'].input;

function ResetPasswordForm({ user, onClose, onDone }: FormProps & { user: User }) {
  const resetPassword = useApiMutation('users.resetPassword');
  const me = useSession((s) => s.user?.id);
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
          {me === user.id
            ? 'You will be signed out everywhere, this window too, and sign in again with the new password.'
            : `${user.displayName} is signed out everywhere and can sign in with the new password at once, even if too many wrong passwords had locked their username.`}
        </Text>
        <PasswordInput label="New password" description="At least 10 characters. Share it only in person." data-autofocus {...form.register('password')} error={errors.password?.message} />
        <FormButtons onClose={onClose} busy={isSubmitting} label="Set password" />
      </Stack>
    </form>
  );
}
