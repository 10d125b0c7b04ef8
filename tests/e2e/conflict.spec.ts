import { expect, type Server, test } from './fixtures';

const PASSWORD = 'a long enough password';

/** A practice, a dentist, a patient, a visit and one procedure, made through the API. */
async function practiceWithProcedure(server: Server) {
  const setup = await server.api<{ sessionToken: string }>('setup.createPractice', {
    practiceName: 'Harbour Dental', currency: 'USD', adminDisplayName: 'Ada Admin', adminUsername: 'ada', adminPassword: PASSWORD,
  });
  const admin = setup.data.sessionToken;
  const dentist = await server.api<{ id: string }>('users.create', { username: 'noor', displayName: 'Dr. Noor Haddad', role: 'DENTIST', password: PASSWORD }, admin);
  const patient = await server.api<{ id: string }>('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, admin);
  const visit = await server.api<{ id: string }>('visits.create', { patientId: patient.data.id, providerId: dentist.data.id, date: '2026-03-02' }, admin);
  const procedure = await server.api<{ id: string; version: number }>(
    'procedures.add',
    { visitId: visit.data.id, code: 'D2391', name: 'Composite, one surface', toothNumber: '19', surfaces: ['O'], unitFee: 19500 },
    admin,
  );
  return { admin, visitId: visit.data.id, procedureId: procedure.data.id };
}

test('a procedure changed at another workstation is a conflict the user can resolve without retyping', async ({ page, server }) => {
  const { admin, visitId, procedureId } = await practiceWithProcedure(server);

  await page.goto(server.url);
  await page.getByLabel('Username').fill('noor');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Noor');
  // The launch token now sits in session storage, so the bare address works.
  await page.goto(`${server.url.replace(/\?token=.*/, '')}#/visits/${visitId}`);

  const row = page.getByTestId('procedure-row');
  await row.getByRole('button', { name: 'Edit' }).click();
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
  await expect(alert).toContainText('Saved now');
  await expect(dialog.getByLabel('Description')).toHaveValue('Composite, one surface — margin sealed');
  await dialog.getByRole('button', { name: 'Save procedure' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('margin sealed');

  const saved = await server.api<{ procedures: { name: string; version: number }[] }>('visits.get', { id: visitId }, admin);
  expect(saved.data.procedures[0]).toMatchObject({ name: 'Composite, one surface — margin sealed', version: 3 });
});

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

test('browser mode refuses API calls without the launch token', async ({ page, server }) => {
  const res = await page.request.post(server.url.replace(/\/\?token=.*/, '/api/session.state'), { data: {} });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
