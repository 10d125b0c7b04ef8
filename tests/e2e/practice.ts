import type { Page } from '@playwright/test';
import { expect, type Server } from './fixtures';

export const PASSWORD = 'a long enough password';

/** Signs in through the sign-in screen with the practice's test password. */
export async function signIn(page: Page, server: Server, username: string, password = PASSWORD) {
  await page.goto(server.url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** A practice, a dentist, a patient, a visit and one procedure, made through the API. */
export async function practiceWithProcedure(server: Server) {
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
  return { admin, visitId: visit.data.id, procedureId: procedure.data.id, patientId: patient.data.id, dentistId: dentist.data.id };
}
