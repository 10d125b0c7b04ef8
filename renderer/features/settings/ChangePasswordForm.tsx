import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { useApiMutation } from '../../lib/apiQuery';
import { handleSaveError } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';

// The contract's schema plus the confirmation, which only the form needs.
const schema = contract['auth.changePassword'].input
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords are not the same.' });
type Values = z.input<typeof schema>;
const EMPTY: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Your own password: this window stays signed in, your other sessions end. */
export function ChangePasswordForm() {
  const changePassword = useApiMutation('auth.changePassword');
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await changePassword.mutateAsync({ currentPassword, newPassword });
      notifySuccess('Password changed. Other windows where you were signed in will ask you to sign in again.');
      form.reset(EMPTY);
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: ['currentPassword', 'newPassword'] });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Change your password">
      <Stack gap="sm">
        <PasswordInput label="Current password" autoComplete="current-password" {...form.register('currentPassword')} error={errors.currentPassword?.message} />
        <PasswordInput label="New password" description="At least 10 characters." autoComplete="new-password" {...form.register('newPassword')} error={errors.newPassword?.message} />
        <PasswordInput label="New password again" autoComplete="new-password" {...form.register('confirmPassword')} error={errors.confirmPassword?.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting} variant="light">
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
