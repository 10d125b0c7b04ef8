import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../../api';
import { contract } from '../../../shared/contract';
import { applyServerIssues } from '../../lib/formErrors';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session.store';
import { FormError } from '../../ui/FormError';

const schema = contract['auth.signIn'].input;
type Values = z.input<typeof schema>;

export function SignInScreen() {
  const signIn = useSession((s) => s.signIn);
  const expired = useSession((s) => s.expired);
  const workstation = useSession((s) => s.workstation);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { username: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await signIn(values);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION') {
        const rest = applyServerIssues(err, form.setError, ['username', 'password']);
        setFormError(rest[0] ?? null);
      } else {
        setFormError(err instanceof Error ? err.message : String(err));
      }
    }
  });

  return (
    <AuthLayout title="Sign in" subtitle={workstation ? `Workstation ${workstation}` : 'Welcome back.'}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {expired ? (
            <Alert color="yellow" variant="light">
              Your session ended. Please sign in again.
            </Alert>
          ) : null}
          <FormError message={formError} />
          <TextInput label="Username" autoComplete="username" autoFocus {...form.register('username')} error={errors.username?.message} />
          <PasswordInput label="Password" autoComplete="current-password" {...form.register('password')} error={errors.password?.message} />
          <Button type="submit" loading={isSubmitting} fullWidth mt="xs">
            Sign in
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Forgot your password, or locked out after too many tries? Ask an administrator: they can unlock your username or set a new password.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
