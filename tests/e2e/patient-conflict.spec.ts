import type { Page } from '@playwright/test';
import { expect, test, type Server } from './fixtures';
import { PASSWORD, practiceWithProcedure } from './practice';

/** Signs in as the practice's administrator and opens the Edit dialog of the practice's patient. */
async function editPatient(page: Page, server: Server) {
  const { admin } = await practiceWithProcedure(server);
  const found = await server.api<{ items: { id: string }[] }>('patients.search', { query: 'tanaka' }, admin);
  const patientId = found.data.items[0]!.id;

  await page.goto(server.url);
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Ada');
  await page.goto(`${server.url.replace(/\?token=.*/, '')}#/patients/${patientId}`);

  await page.getByRole('button', { name: 'Edit' }).click();
  return { admin, patientId, dialog: page.getByRole('dialog') };
}

/** What a colleague at another workstation saves while the dialog is open (the patient as created, version 1). */
function saveElsewhere(server: Server, admin: string, patientId: string, fields: Record<string, unknown>) {
  return server.api('patients.update', { id: patientId, version: 1, firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30', ...fields }, admin);
}

test('a patient edited at two workstations: after Reload the form holds the colleague’s alerts and the user’s phone', async ({ page, server }) => {
  const { admin, patientId, dialog } = await editPatient(page, server);
  await dialog.getByLabel('Phone').fill('555-0199');
  expect((await saveElsewhere(server, admin, patientId, { alerts: 'Latex allergy' })).ok).toBe(true);

  await dialog.getByRole('button', { name: 'Save patient' }).click();
  const alert = page.getByTestId('conflict-alert');
  await expect(alert).toContainText('Someone else changed this patient a moment ago.');
  // Nothing stale can be written: Save waits for the reload.
  await expect(dialog.getByRole('button', { name: 'Save patient' })).toBeDisabled();
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(alert).toContainText('Their changes are now in the form (Alerts)');
  await expect(dialog.getByLabel('Alerts')).toHaveValue('Latex allergy');
  await expect(dialog.getByLabel('Phone')).toHaveValue('555-0199');
  await dialog.getByRole('button', { name: 'Save patient' }).click();
  await expect(dialog).toBeHidden();

  const saved = await server.api<{ phone: string; alerts: string; version: number }>('patients.get', { id: patientId }, admin);
  expect(saved.data).toMatchObject({ phone: '555-0199', alerts: 'Latex allergy', version: 3 });
  await expect(page.getByTestId('patient-alerts')).toContainText('Latex allergy');
});

test('both changed the phone: the two are shown side by side, Save waits for the choice and writes the chosen one', async ({ page, server }) => {
  const { admin, patientId, dialog } = await editPatient(page, server);
  await dialog.getByLabel('Phone').fill('555-0199');
  await dialog.getByLabel('Email').fill('maya@example.com');
  expect((await saveElsewhere(server, admin, patientId, { phone: '555-0177' })).ok).toBe(true);

  await dialog.getByRole('button', { name: 'Save patient' }).click();
  await page.getByTestId('conflict-alert').getByRole('button', { name: 'Reload' }).click();
  const clash = dialog.getByTestId('clash-phone');
  await expect(clash).toContainText('Phone');
  await expect(clash.getByRole('button', { name: 'Keep yours: 555-0199' })).toBeVisible();
  await expect(clash.getByRole('button', { name: 'Use theirs: 555-0177' })).toBeVisible();
  const save = dialog.getByRole('button', { name: 'Save patient' });
  await expect(save).toBeDisabled();

  await clash.getByRole('button', { name: 'Use theirs: 555-0177' }).click();
  await expect(dialog.getByLabel('Phone')).toHaveValue('555-0177');
  await expect(dialog.getByLabel('Email')).toHaveValue('maya@example.com');
  await expect(save).toBeEnabled();
  await save.click();
  await expect(dialog).toBeHidden();

  const saved = await server.api<{ phone: string; email: string; version: number }>('patients.get', { id: patientId }, admin);
  expect(saved.data).toMatchObject({ phone: '555-0177', email: 'maya@example.com', version: 3 });
});
