/**
 * Issue 7, "Everyday screens": the patient, first-run and settings screens.
 * Each practice is made through the API (or the setup screen) on its own server.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Server } from './fixtures';
import { PASSWORD } from './practice';

const origin = (server: Server) => server.url.replace(/\/\?token=.*/, '');

async function signIn(page: Page, server: Server, username: string, password = PASSWORD) {
  await page.goto(server.url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** A practice with an administrator, a dentist and a front desk, made through the API; no patients yet. */
async function practice(server: Server, { adminIsProvider = false, dentist = true } = {}) {
  const setup = await server.api<{ sessionToken: string }>('setup.createPractice', {
    practiceName: 'Harbour Dental', currency: 'USD', adminDisplayName: 'Ada Admin', adminUsername: 'ada', adminPassword: PASSWORD, adminIsProvider,
  });
  expect(setup.ok).toBe(true);
  const admin = setup.data.sessionToken;
  const noor = dentist ? await server.api<{ id: string }>('users.create', { username: 'noor', displayName: 'Dr. Noor Haddad', role: 'DENTIST', password: PASSWORD }, admin) : null;
  const desk = await server.api<{ id: string }>('users.create', { username: 'pat', displayName: 'Pat Quinn', role: 'FRONT_DESK', password: PASSWORD }, admin);
  expect(desk.ok).toBe(true);
  return { admin, dentistId: noor?.data.id ?? null };
}

async function addPatient(server: Server, admin: string, fields: Record<string, unknown>) {
  const r = await server.api<{ id: string; version: number }>('patients.create', fields, admin);
  expect(r.ok).toBe(true);
  return r.data;
}

test.describe('archived patients', () => {
  test('an archived chart is read-only: no write is offered, the reason is given, only an administrator may restore', async ({ browser, page, server }) => {
    const { admin, dentistId } = await practice(server);
    const maya = await addPatient(server, admin, { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30', phone: '555-0100' });
    await server.api('visits.create', { patientId: maya.id, providerId: dentistId, date: '2026-03-02', time: '09:30' }, admin);
    const archived = await server.api<{ archivedAt: string }>('patients.archive', { id: maya.id, version: maya.version }, admin);
    expect(archived.ok).toBe(true);

    // The front desk: the chart and its history, nothing to change.
    await signIn(page, server, 'pat');
    await page.goto(`${origin(server)}/#/patients/${maya.id}`);
    await expect(page.getByTestId('patient-name')).toHaveText('Tanaka, Maya');
    await expect(page.getByTestId('archived-notice')).toContainText(/Archived on \d{2}\/\d{2}\/\d{4}: the chart is read-only\./);
    await expect(page.getByTestId('archived-notice')).toContainText('An administrator can restore');
    await expect(page.getByTestId('visit-row')).toHaveCount(1);
    for (const action of ['Edit', 'New visit', 'Archive', 'Restore']) {
      await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0);
    }

    // In the list, only with "Show archived", and marked.
    await page.getByTestId('nav-patients').click();
    await expect(page.getByTestId('patient-row')).toHaveCount(0);
    await page.getByRole('switch', { name: 'Show archived' }).check();
    await expect(page.getByTestId('patient-row')).toHaveCount(1);
    await expect(page.getByTestId('patient-row')).toContainText('Archived');

    // The administrator restores them; the chart can change again.
    const adminPage = await browser.newPage();
    await signIn(adminPage, server, 'ada');
    await adminPage.goto(`${origin(server)}/#/patients/${maya.id}`);
    await expect(adminPage.getByTestId('archived-notice')).toContainText('the chart is read-only.');
    await expect(adminPage.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
    await adminPage.getByRole('button', { name: 'Restore', exact: true }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Restore patient' }).click();
    await expect(adminPage.getByTestId('archived-notice')).toHaveCount(0);
    await expect(adminPage.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await expect(adminPage.getByRole('button', { name: 'New visit' })).toBeEnabled();
    await adminPage.close();
  });
});

test.describe('first run and providers', () => {
  test('the administrator who is also the dentist can make a visit right after setup', async ({ page, server }) => {
    await page.goto(server.url);
    await page.getByLabel('Practice name').fill('Solo Dental');
    await page.getByLabel('Your name').fill('Dr. Ines Costa');
    await page.getByLabel('Username').fill('ines');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByLabel('I am also a dentist here: I see patients').check();
    await page.getByRole('button', { name: 'Create practice' }).click();
    await expect(page.getByTestId('current-user')).toContainText('Dr. Ines Costa');

    await page.getByTestId('nav-patients').click();
    await page.getByRole('button', { name: 'New patient' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Omar');
    await dialog.getByLabel('Last name').fill('Okafor');
    await dialog.getByLabel('Date of birth').fill('1994-05-16');
    await dialog.getByRole('button', { name: 'Add patient' }).click();
    await expect(page.getByTestId('patient-name')).toHaveText('Okafor, Omar');
    await expect(page.getByTestId('no-provider')).toHaveCount(0);

    await page.getByRole('button', { name: 'New visit' }).click();
    await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue(/Ines Costa/);
    await page.getByRole('dialog').getByRole('button', { name: 'Create visit' }).click();
    await expect(page).toHaveURL(/#\/visits\//);

    // The Users screen says who sees patients.
    await page.getByTestId('nav-users').click();
    await expect(page.getByTestId('user-row').filter({ hasText: 'ines' })).toContainText('Yes');
  });

  test('with no provider, each role is told the way out that fits them', async ({ browser, page, server }) => {
    const { admin } = await practice(server, { dentist: false });
    const omar = await addPatient(server, admin, { firstName: 'Omar', lastName: 'Okafor', dateOfBirth: '1994-05-16' });

    await signIn(page, server, 'ada');
    await page.goto(`${origin(server)}/#/patients/${omar.id}`);
    await expect(page.getByTestId('no-provider')).toContainText('Add a dentist in Users, or mark yourself as a provider');
    await expect(page.getByRole('button', { name: 'New visit' })).toBeDisabled();

    const desk = await browser.newPage();
    await signIn(desk, server, 'pat');
    await desk.goto(`${origin(server)}/#/patients/${omar.id}`);
    await expect(desk.getByTestId('no-provider')).toContainText('Ask an administrator to add a dentist');
    await expect(desk.getByTestId('no-provider')).not.toContainText('mark yourself');

    // The administrator marks themself as a provider in Users: the way is open at once.
    await page.getByTestId('nav-users').click();
    await expect(page.getByTestId('no-provider')).toBeVisible();
    await page.getByRole('button', { name: 'Edit Ada Admin' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Provider (sees patients)' }).check();
    await dialog.getByRole('button', { name: 'Save user' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('user-row').filter({ hasText: 'ada' })).toContainText('Yes');
    await expect(page.getByTestId('no-provider')).toHaveCount(0);

    await desk.reload();
    await expect(desk.getByTestId('patient-name')).toBeVisible();
    await expect(desk.getByTestId('no-provider')).toHaveCount(0);
    await expect(desk.getByRole('button', { name: 'New visit' })).toBeEnabled();
    await desk.close();
  });

  test('the provider checkbox follows the role: a choice only for administrators', async ({ page, server }) => {
    await practice(server);
    await signIn(page, server, 'ada');
    await page.getByTestId('nav-users').click();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog');
    const provider = dialog.getByRole('checkbox', { name: 'Provider (sees patients)' });
    const role = dialog.getByRole('combobox', { name: 'Role' });

    // Front desk (the default): never a provider.
    await expect(provider).toBeDisabled();
    await expect(provider).not.toBeChecked();
    await expect(dialog).toContainText('The front desk is never a visit’s provider.');

    await role.click();
    await page.getByRole('option', { name: 'Hygienist' }).click();
    await expect(provider).toBeDisabled();
    await expect(provider).toBeChecked();
    await expect(dialog).toContainText('A hygienist always sees patients.');

    await role.click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await expect(provider).toBeEnabled();
    await provider.check();
    await dialog.getByLabel('Name', { exact: true }).fill('Dr. Lena Weber');
    await dialog.getByLabel('Username').fill('lena');
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('user-row').filter({ hasText: 'lena' })).toContainText('Administrator');
    await expect(page.getByTestId('user-row').filter({ hasText: 'lena' })).toContainText('Yes');
    await expect(page.getByTestId('user-row').filter({ hasText: 'pat' })).toContainText('No');
  });
});

test.describe('input refused, not changed', () => {
  test('a phone “abc” is refused under the field with the contract’s words, kept as typed, and nothing is added', async ({ page, server }) => {
    const { admin } = await practice(server);
    await signIn(page, server, 'pat');
    await page.getByTestId('nav-patients').click();
    await page.getByRole('button', { name: 'New patient' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Maya');
    await dialog.getByLabel('Last name').fill('Tanaka');
    await dialog.getByLabel('Date of birth').fill('1979-11-30');
    await dialog.getByLabel('Phone').fill('abc');
    await dialog.getByLabel('Email').fill('maya@example');
    await dialog.getByRole('button', { name: 'Add patient' }).click();

    await expect(dialog.getByText('Not a phone number: use digits, spaces, + - ( ) and x for an extension.')).toBeVisible();
    await expect(dialog.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Phone')).toHaveValue('abc');
    await expect(dialog.getByText('Not an email address.')).toBeVisible();
    await expect(dialog.getByLabel('Email')).toHaveValue('maya@example');
    await expect(dialog.getByLabel('First name')).toHaveValue('Maya');
    const none = await server.api<{ total: number }>('patients.search', { query: '' }, admin);
    expect(none.data.total).toBe(0);

    // Corrected, it is added with exactly what was typed.
    await dialog.getByLabel('Phone').fill('+1 (555) 010-0199 x12');
    await dialog.getByLabel('Email').fill('maya@example.com');
    await dialog.getByRole('button', { name: 'Add patient' }).click();
    await expect(page.getByTestId('patient-name')).toHaveText('Tanaka, Maya');
    await expect(page.getByText('+1 (555) 010-0199 x12')).toBeVisible();
  });
});

test.describe('search', () => {
  test('finds a patient by part of a name, the last digits of a phone and the date of birth as the practice writes it', async ({ page, server }) => {
    const { admin } = await practice(server);
    await addPatient(server, admin, { firstName: 'Omar', lastName: 'Okafor', dateOfBirth: '1994-05-16', phone: '(555) 867-5309' });
    await addPatient(server, admin, { firstName: 'Lena', lastName: 'Müller', dateOfBirth: '1988-02-03', phone: '555-0142' });
    await addPatient(server, admin, { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30', phone: '555-0100' });

    await signIn(page, server, 'pat');
    await page.getByTestId('nav-patients').click();
    const search = page.getByLabel('Search patients');
    await expect(search).toBeFocused();
    // The box says what it reads, with dates as this practice writes them.
    await expect(search).toHaveAttribute('placeholder', 'Name, chart no., phone or date of birth');
    await expect(page.getByText(/last 4 digits of a phone, or date of birth: 05\/16\/1994 or May 16, 1994/)).toBeVisible();

    const rows = page.getByTestId('patient-row');
    const expectOnly = async (query: string, name: string) => {
      await search.fill(query);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(name);
    };
    await expectOnly('kafor', 'Okafor, Omar');
    // The result shows the date of birth and phone, as the practice writes them.
    await expect(rows.first()).toContainText('05/16/1994');
    await expect(rows.first()).toContainText('(555) 867-5309');
    await expectOnly('muller', 'Müller, Lena');
    await expectOnly('5309', 'Okafor, Omar');
    await expectOnly('05/16/1994', 'Okafor, Omar');
    await expectOnly('May 16 1994', 'Okafor, Omar');
    await expectOnly('16 May 1994', 'Okafor, Omar');

    // A British practice writes the day first, and the box reads it so.
    const settings = await server.api<{ version: number }>('practice.get', {}, admin);
    const changed = await server.api('practice.update', { version: settings.data.version, name: 'Harbour Dental', locale: 'en-GB', timeFormat: '24h', nameOrder: 'last_first' }, admin);
    expect(changed.ok).toBe(true);
    await page.reload();
    await page.getByTestId('nav-patients').click();
    await expect(page.getByText(/date of birth: 16\/05\/1994 or 16 May 1994/)).toBeVisible();
    await expectOnly('16/05/1994', 'Okafor, Omar');
    await expect(rows.first()).toContainText('16/05/1994');
  });
});

test.describe('hints that fit the role', () => {
  test('a locked-out user shows as such, and an administrator unlocks them without a new password', async ({ browser, page, server }) => {
    await practice(server);
    for (let i = 0; i < 5; i++) await server.api('auth.signIn', { username: 'pat', password: 'not the password' });
    const refused = await server.api('auth.signIn', { username: 'pat', password: PASSWORD });
    expect(refused.ok).toBe(false);

    await signIn(page, server, 'ada');
    await page.getByTestId('nav-users').click();
    const row = page.getByTestId('user-row').filter({ hasText: 'Pat Quinn' });
    await expect(row).toContainText(/Locked out \(1[45] min\)/);
    await expect(row.getByRole('button', { name: 'Reset password for Pat Quinn' })).toBeVisible();
    await row.getByRole('button', { name: 'Unlock Pat Quinn' }).click();
    await expect(row).not.toContainText('Locked out');
    await expect(row.getByRole('button', { name: 'Unlock Pat Quinn' })).toHaveCount(0);

    const desk = await browser.newPage();
    await signIn(desk, server, 'pat');
    await desk.close();
  });
});

test.describe('conflicts on the settings screens', () => {
  test('a user edited by two administrators: the colleague’s change comes into the form, the typing stays', async ({ page, server }) => {
    const { admin } = await practice(server);
    const users = await server.api<{ id: string; username: string; version: number }[]>('users.list', {}, admin);
    const pat = users.data.find((u) => u.username === 'pat')!;

    await signIn(page, server, 'ada');
    await page.getByTestId('nav-users').click();
    await page.getByRole('button', { name: 'Edit Pat Quinn' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Patricia Quinn');
    const other = await server.api('users.update', { id: pat.id, version: pat.version, displayName: 'Pat Quinn', role: 'ASSISTANT', active: true }, admin);
    expect(other.ok).toBe(true);

    await dialog.getByRole('button', { name: 'Save user' }).click();
    const alert = dialog.getByTestId('conflict-alert');
    await expect(alert).toContainText('Someone else changed this user a moment ago.');
    await expect(dialog.getByRole('button', { name: 'Save user' })).toBeDisabled();
    await alert.getByRole('button', { name: 'Reload' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('Assistant');
    await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Patricia Quinn');
    await dialog.getByRole('button', { name: 'Save user' }).click();
    await expect(dialog).toBeHidden();

    const saved = await server.api<{ id: string; displayName: string; role: string }[]>('users.list', {}, admin);
    expect(saved.data.find((u) => u.id === pat.id)).toMatchObject({ displayName: 'Patricia Quinn', role: 'ASSISTANT' });
  });
});

test.describe('one format, chosen in settings', () => {
  test('the administrator picks how dates, times and names are written; every screen follows at once', async ({ page, server }) => {
    const { admin, dentistId } = await practice(server);
    const maya = await addPatient(server, admin, { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1994-05-16', phone: '555-0100' });
    await server.api('visits.create', { patientId: maya.id, providerId: dentistId, date: '2026-03-02', time: '14:30' }, admin);

    await signIn(page, server, 'ada');
    await page.goto(`${origin(server)}/#/patients/${maya.id}`);
    await expect(page.getByTestId('patient-name')).toHaveText('Tanaka, Maya');
    await expect(page.getByTestId('patient-born')).toContainText('05/16/1994');
    await expect(page.getByTestId('visit-row')).toContainText('03/02/2026 2:30 PM');
    await expect(page.getByTestId('visit-row')).toContainText('$0.00');

    await page.getByTestId('nav-settings').click();
    const form = page.getByRole('form', { name: 'Practice settings' });
    const locale = form.getByRole('combobox', { name: 'Dates and money' });
    await locale.click();
    await locale.fill('Kingdom');
    await page.getByRole('option', { name: /English \(United Kingdom\)/ }).click();
    await form.getByLabel('24-hour (14:30)').check();
    await form.getByLabel('First name first (Maya Tanaka)').check();
    // The preview follows each choice before anything is saved.
    await expect(form.getByTestId('preview-date')).toHaveText('16/05/1994');
    await expect(form.getByTestId('preview-time')).toHaveText('14:30');
    await expect(form.getByTestId('preview-name')).toHaveText('Maya Tanaka');
    await expect(form.getByTestId('preview-amount')).toHaveText('US$1,234.56');
    await form.getByRole('button', { name: 'Save practice settings' }).click();
    await expect(page.getByText('Practice settings saved')).toBeVisible();

    // No reload: the session carries the new formats to every screen.
    await page.getByTestId('nav-patients').click();
    await expect(page.getByTestId('patient-row')).toContainText('Maya Tanaka');
    await expect(page.getByTestId('patient-row')).toContainText('16/05/1994');
    await page.getByTestId('patient-row').first().click();
    await expect(page.getByTestId('patient-name')).toHaveText('Maya Tanaka');
    await expect(page.getByTestId('patient-born')).toContainText('16/05/1994');
    await expect(page.getByTestId('visit-row')).toContainText('02/03/2026 14:30');

    // The audit log in the same format, and in words.
    await page.getByTestId('nav-audit').click();
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toContainText(/\d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2}/);
    await expect(rows.first()).not.toContainText(/AM|PM/);
    await expect(page.getByTestId('audit-what').filter({ hasText: 'Signed in' }).first()).toBeVisible();
    await expect(page.getByTestId('audit-what').filter({ hasText: 'Changed · Practice settings' }).first()).toBeVisible();
    await expect(page.getByTestId('audit-what').filter({ hasText: 'Added · Patient · Maya Tanaka' })).toHaveCount(1);
    await expect(page.getByText('sign_in')).toHaveCount(0);

    const saved = await server.api('practice.get', {}, admin);
    expect(saved.data).toMatchObject({ locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' });
  });
});
