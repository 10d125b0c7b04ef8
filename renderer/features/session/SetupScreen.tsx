import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Divider, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from '../../api';
import { contract } from '../../../shared/contract';
import { applyServerIssues } from '../../lib/formErrors';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session.store';
import { FormError } from '../../ui/FormError';

// The contract's schema plus the confirmation, which only the form needs.
const schema = contract['setup.createPractice'].input
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.adminPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords are not the same.',
  });
type Values = z.input<typeof schema>;
const FIELDS = ['practiceName', 'currency', 'adminDisplayName', 'adminUsername', 'adminPassword', 'confirmPassword', 'adminIsProvider'];

export function SetupScreen() {
  const createPractice = useSession((s) => s.createPractice);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { practiceName: '', currency: 'USD', adminDisplayName: '', adminUsername: '', adminPassword: '', confirmPassword: '', adminIsProvider: false },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (v) => {
    setFormError(null);
    const values = {
      practiceName: v.practiceName,
      currency: v.currency,
      adminDisplayName: v.adminDisplayName,
      adminUsername: v.adminUsername,
      adminPassword: v.adminPassword,
      adminIsProvider: v.adminIsProvider,
    };
    try {
      await createPractice(values);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION') {
        setFormError(applyServerIssues(err, form.setError, FIELDS)[0] ?? null);
      } else {
        setFormError(err instanceof Error ? err.message : String(err));
      }
    }
  });

  return (
    <AuthLayout title="Set up your practice" subtitle="This runs once. You will be the administrator and can add your team afterwards." width={460}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <FormError message={formError} />
          <Group grow align="flex-start">
            <TextInput label="Practice name" autoFocus {...form.register('practiceName')} error={errors.practiceName?.message} />
            {/* Written in capitals as it is typed, so what is saved is what the form shows. */}
            <Controller
              control={form.control}
              name="currency"
              render={({ field }) => (
                <TextInput
                  label="Currency"
                  maw={110}
                  name={field.name}
                  ref={field.ref}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(e.currentTarget.value.toUpperCase())}
                  error={errors.currency?.message}
                />
              )}
            />
          </Group>
          <Divider label="Your administrator account" labelPosition="left" />
          <TextInput label="Your name" autoComplete="name" {...form.register('adminDisplayName')} error={errors.adminDisplayName?.message} />
          <TextInput
            label="Username"
            autoComplete="username"
            description="3–40 letters, digits, dots, dashes or underscores. Not case-sensitive: Ada and ada are the same."
            {...form.register('adminUsername')}
            error={errors.adminUsername?.message}
          />
          <PasswordInput label="Password" autoComplete="new-password" description="At least 10 characters." {...form.register('adminPassword')} error={errors.adminPassword?.message} />
          <PasswordInput label="Confirm password" autoComplete="new-password" {...form.register('confirmPassword')} error={errors.confirmPassword?.message} />
          <Checkbox
            label="I am also a dentist here: I see patients"
            description="You can then be a visit's provider straight away. Dentists and hygienists you add later see patients too."
            {...form.register('adminIsProvider')}
            error={errors.adminIsProvider?.message}
          />
          <Button type="submit" loading={isSubmitting} fullWidth mt="xs">
            Create practice
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
