import { expect, test } from './fixtures';
import { PASSWORD, practiceWithProcedure } from './practice';

test('a patient edited at two workstations: the second save is a conflict, the reload keeps the typing', async ({ page, server }) => {
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
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Phone').fill('555-0199');
  const other = await server.api('patients.update', { id: patientId, version: 1, firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30', alerts: 'Latex allergy' }, admin);
  expect(other.ok).toBe(true);

  await dialog.getByRole('button', { name: 'Save patient' }).click();
  const alert = page.getByTestId('conflict-alert');
  await expect(alert).toContainText('Someone else changed this patient a moment ago.');
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(alert).toContainText('Latex allergy');
  await expect(dialog.getByLabel('Phone')).toHaveValue('555-0199');
  await dialog.getByRole('button', { name: 'Save patient' }).click();
  await expect(dialog).toBeHidden();

  const saved = await server.api<{ phone: string; version: number }>('patients.get', { id: patientId }, admin);
  expect(saved.data).toMatchObject({ phone: '555-0199', version: 3 });
});
