import { expect, test } from './fixtures';
import { PASSWORD, practiceWithProcedure } from './practice';

test('a procedure changed at another workstation is a conflict the user resolves without retyping, keeping the colleague’s change', async ({ page, server }) => {
  const { admin, visitId, procedureId } = await practiceWithProcedure(server);

  await page.goto(server.url);
  await page.getByLabel('Username').fill('noor');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Noor');
  // The launch token now sits in session storage, so the bare address works.
  await page.goto(`${server.url.replace(/\?token=.*/, '')}#/visits/${visitId}`);

  const row = page.getByTestId('procedure-row');
  await row.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Description').fill('Composite, one surface — margin sealed');

  // Meanwhile, the front desk workstation changes the fee.
  const other = await server.api('procedures.update', {
    id: procedureId, version: 1, code: 'D2391', name: 'Composite, one surface', toothNumber: '19', surfaces: ['O'], unitFee: 21000,
  }, admin);
  expect(other.ok).toBe(true);

  await dialog.getByRole('button', { name: 'Save procedure' }).click();
  const alert = page.getByTestId('conflict-alert');
  await expect(alert).toContainText('Someone else changed this procedure a moment ago.');
  await expect(dialog.getByLabel('Description')).toHaveValue('Composite, one surface — margin sealed');

  await alert.getByRole('button', { name: 'Reload' }).click();
  // Their fee comes into the form (the user never touched it); the user's description stays.
  await expect(alert).toContainText('Their changes are now in the form (Fee)');
  await expect(dialog.getByLabel('Fee')).toHaveValue('210.00');
  await expect(dialog.getByLabel('Description')).toHaveValue('Composite, one surface — margin sealed');
  await dialog.getByRole('button', { name: 'Save procedure' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('margin sealed');
  await expect(row).toContainText('$210.00');

  // Both changes are saved: nothing stale was written back.
  const saved = await server.api<{ procedures: { name: string; unitFee: number; version: number }[] }>('visits.get', { id: visitId }, admin);
  expect(saved.data.procedures[0]).toMatchObject({ name: 'Composite, one surface — margin sealed', unitFee: 21000, version: 3 });
});

test('browser mode refuses API calls without the launch token', async ({ page, server }) => {
  const res = await page.request.post(server.url.replace(/\/\?token=.*/, '/api/session.state'), { data: {} });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
