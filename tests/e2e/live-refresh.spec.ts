/**
 * Open screens follow changes made elsewhere on the same data file (another
 * window, another workstation) within about two seconds, and keep what the
 * user is typing.
 */
import { expect, test } from './fixtures';
import { PASSWORD, practiceWithProcedure } from './practice';

/** "Within about two seconds": the feed polls every half second; the rest is the refetch. */
const SOON = { timeout: 3000 };

test('a visit made at another workstation appears on an open Today screen', async ({ page, server }) => {
  const { admin, patientId, dentistId } = await practiceWithProcedure(server);
  const state = await server.api<{ now: string }>('session.state', {}, admin);
  const today = state.data.now.slice(0, 10);

  await page.goto(server.url);
  await page.getByLabel('Username').fill('noor');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('No visits today yet')).toBeVisible();

  const made = await server.api('visits.create', { patientId, providerId: dentistId, date: today, time: '23:30' }, admin);
  expect(made.ok).toBe(true);
  await expect(page.getByTestId('visit-row')).toHaveCount(1, SOON);
  await expect(page.getByTestId('visit-row')).toContainText('Tanaka');
});

test('a change elsewhere refreshes the page behind an open form without touching the typing', async ({ page, server }) => {
  const { admin, patientId } = await practiceWithProcedure(server);
  await page.goto(server.url);
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Ada');
  await page.goto(`${server.url.replace(/\?token=.*/, '')}#/patients/${patientId}`);

  await page.getByRole('button', { name: 'Edit' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Phone').fill('555-0142');

  const other = await server.api('patients.update', { id: patientId, version: 1, firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30', alerts: 'Latex allergy' }, admin);
  expect(other.ok).toBe(true);
  // The patient header behind the dialog shows the colleague's alert …
  await expect(page.getByText('Latex allergy').first()).toBeAttached(SOON);
  // … and the form still holds what was typed.
  await expect(dialog.getByLabel('Phone')).toHaveValue('555-0142');
});

test('Ctrl+K opens the command palette from inside a field; "/" there is just a character', async ({ page, server }) => {
  await practiceWithProcedure(server);
  await page.goto(server.url);
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('nav-patients').click();
  const search = page.getByRole('textbox').first();
  await search.click();
  await search.pressSequentially('05/');
  await expect(search).toHaveValue('05/');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Control+K');
  await expect(page.getByLabel('Command palette search')).toBeFocused();
});
