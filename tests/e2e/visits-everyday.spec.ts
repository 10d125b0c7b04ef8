/**
 * Issue 7, the visit and procedure screens: each test here failed before
 * its fix. Practices are built through the API (practice.ts); the browser
 * is one workstation, `server.api` a second one.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Server } from './fixtures';
import { PASSWORD, practiceWithProcedure, signIn } from './practice';

const home = (server: Server) => server.url.replace(/\?token=.*/, '');

/** Opens a screen by its address; the launch token already sits in session storage. */
async function open(page: Page, server: Server, path: string) {
  await page.goto(`${home(server)}#${path}`);
}

async function addUser(server: Server, admin: string, username: string, displayName: string, role: string) {
  const user = await server.api<{ id: string }>('users.create', { username, displayName, role, password: PASSWORD }, admin);
  expect(user.ok).toBe(true);
  const session = await server.api<{ sessionToken: string }>('auth.signIn', { username, password: PASSWORD });
  return { id: user.data.id, session: session.data.sessionToken };
}

interface VisitData {
  id: string;
  patientId: string;
  providerId: string;
  version: number;
  status: string;
  date: string;
  time: string | null;
  notes: string | null;
  procedures: { id: string; version: number; unitFee: number; notes: string | null; status: string; name: string }[];
}
const getVisit = async (server: Server, admin: string, id: string) => (await server.api<VisitData>('visits.get', { id }, admin)).data;

const composite = { code: 'D2391', name: 'Composite, one surface', toothNumber: '19', surfaces: ['O'] };

test.describe('conflicts never lose a colleague’s change', () => {
  test('a note saved after a colleague’s new fee keeps their fee', async ({ page, server }) => {
    const { admin, visitId, procedureId } = await practiceWithProcedure(server);
    const lena = await addUser(server, admin, 'lena', 'Dr. Lena Ortiz', 'DENTIST');
    await signIn(page, server, 'noor');
    await open(page, server, `/visits/${visitId}`);

    // Dr. Haddad starts writing a note…
    await page.getByTestId('procedure-row').getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Notes').fill('Deep caries, indirect pulp cap');
    // …while Dr. Ortiz saves a new fee at her own workstation.
    const theirs = await server.api('procedures.update', { id: procedureId, version: 1, ...composite, unitFee: 21000 }, lena.session);
    expect(theirs.ok).toBe(true);

    await dialog.getByRole('button', { name: 'Save procedure' }).click();
    const alert = dialog.getByTestId('conflict-alert');
    await expect(alert).toContainText('Someone else changed this procedure a moment ago.');
    // Saving again before reloading would write the old fee back: not offered.
    await expect(dialog.getByRole('button', { name: 'Save procedure' })).toBeDisabled();
    await expect(dialog.getByTestId('save-blocked')).toContainText('Reload first');

    await alert.getByRole('button', { name: 'Reload' }).click();
    await expect(alert).toContainText('Their changes are now in the form (Fee)');
    await expect(dialog.getByLabel('Fee')).toHaveValue('210.00');
    await expect(dialog.getByLabel('Notes')).toHaveValue('Deep caries, indirect pulp cap');
    await dialog.getByRole('button', { name: 'Save procedure' }).click();
    await expect(dialog).toBeHidden();

    const saved = (await getVisit(server, admin, visitId)).procedures[0]!;
    expect(saved).toMatchObject({ unitFee: 21000, notes: 'Deep caries, indirect pulp cap', version: 3 });
    await expect(page.getByTestId('procedure-row')).toContainText('$210.00');
  });

  test('a fee both changed waits side by side for a choice, in money', async ({ page, server }) => {
    const { admin, visitId, procedureId } = await practiceWithProcedure(server);
    await signIn(page, server, 'noor');
    await open(page, server, `/visits/${visitId}`);

    await page.getByTestId('procedure-row').getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Fee').fill('200.00');
    const theirs = await server.api('procedures.update', { id: procedureId, version: 1, ...composite, unitFee: 22000 }, admin);
    expect(theirs.ok).toBe(true);

    await dialog.getByRole('button', { name: 'Save procedure' }).click();
    await dialog.getByTestId('conflict-alert').getByRole('button', { name: 'Reload' }).click();
    const clash = dialog.getByRole('group', { name: 'Fee: yours or theirs' });
    await expect(clash.getByRole('button', { name: 'Keep yours: $200.00' })).toBeVisible();
    await expect(clash.getByRole('button', { name: 'Use theirs: $220.00' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save procedure' })).toBeDisabled();
    await expect(dialog.getByTestId('save-blocked')).toHaveText('Choose yours or theirs for Fee before saving.');

    await clash.getByRole('button', { name: 'Use theirs: $220.00' }).click();
    await expect(dialog.getByLabel('Fee')).toHaveValue('220.00');
    await dialog.getByRole('button', { name: 'Save procedure' }).click();
    await expect(dialog).toBeHidden();
    expect((await getVisit(server, admin, visitId)).procedures[0]).toMatchObject({ unitFee: 22000, version: 3 });
  });
});

test('an archived patient’s visit is read-only, and says why', async ({ page, server }) => {
  const { admin, visitId } = await practiceWithProcedure(server);
  const visit = await getVisit(server, admin, visitId);
  const patient = await server.api<{ version: number }>('patients.get', { id: visit.patientId }, admin);
  expect((await server.api('patients.archive', { id: visit.patientId, version: patient.data.version }, admin)).ok).toBe(true);

  await signIn(page, server, 'noor');
  await open(page, server, `/visits/${visitId}`);
  await expect(page.getByTestId('visit-read-only')).toContainText(
    'Maya Tanaka is archived, so this visit is read-only. An administrator can restore the patient from the patient page.',
  );
  const row = page.getByTestId('procedure-row');
  await expect(row).toContainText('D2391');
  for (const name of ['Edit', 'Start', 'Complete', 'Cancel', 'Remove']) {
    await expect(row.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  for (const name of ['Add procedure', 'Edit visit', 'Cancel visit', 'Remove visit']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  // Reading stays open: the details and history.
  await row.getByRole('button', { name: 'Details', exact: true }).click();
  await expect(page.getByTestId('history-entry').first()).toContainText('Added');
});

test.describe('a visit can be corrected', () => {
  test('Edit visit changes the time and notes, merging a colleague’s provider change', async ({ page, server }) => {
    const { admin, visitId } = await practiceWithProcedure(server);
    const lena = await addUser(server, admin, 'lena', 'Dr. Lena Ortiz', 'DENTIST');
    await signIn(page, server, 'noor');
    await open(page, server, `/visits/${visitId}`);

    await page.getByRole('button', { name: 'Edit visit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit visit' });
    await expect(dialog.getByLabel('Date')).toBeFocused();
    await dialog.getByLabel('Time').fill('14:30');
    await dialog.getByLabel('Notes').fill('Bring the night guard');
    const before = await getVisit(server, admin, visitId);
    const theirs = await server.api('visits.update', { id: visitId, version: before.version, providerId: lena.id, date: before.date, time: null, notes: null }, admin);
    expect(theirs.ok).toBe(true);

    await dialog.getByRole('button', { name: 'Save visit' }).click();
    const alert = dialog.getByTestId('conflict-alert');
    await expect(alert).toContainText('Someone else changed this visit a moment ago.');
    await alert.getByRole('button', { name: 'Reload' }).click();
    await expect(alert).toContainText('Their changes are now in the form (Provider)');
    await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue(/Lena Ortiz/);
    await dialog.getByRole('button', { name: 'Save visit' }).click();
    await expect(dialog).toBeHidden();

    expect(await getVisit(server, admin, visitId)).toMatchObject({ providerId: lena.id, time: '14:30', notes: 'Bring the night guard' });
    await expect(page.getByTestId('visit-when')).toContainText('2:30 PM');
    await expect(page.getByTestId('visit-notes')).toHaveText('Bring the night guard');
  });

  test('Cancel visit asks for a reason, cancels the planned work and shows why', async ({ page, server }) => {
    const { visitId } = await practiceWithProcedure(server);
    await signIn(page, server, 'noor');
    await open(page, server, `/visits/${visitId}`);

    await page.getByRole('button', { name: 'Cancel visit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel visit' });
    await expect(dialog.getByLabel('Reason')).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel visit' }).click();
    await expect(dialog).toContainText('Say why the visit did not happen');
    await dialog.getByLabel('Reason').fill('Patient phoned in sick');
    await dialog.getByRole('button', { name: 'Cancel visit' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('visit-status')).toContainText('Cancelled');
    await expect(page.getByTestId('procedure-status')).toContainText('Cancelled');
    await expect(page.getByTestId('visit-cancel-reason')).toContainText('“Patient phoned in sick”');
    await expect(page.getByTestId('visit-cancel-reason')).toContainText('by Dr. Noor Haddad');
    // Nothing left to cancel or remove.
    await expect(page.getByRole('button', { name: 'Cancel visit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Remove visit' })).toHaveCount(0);
  });

  test('Cancel visit says the core’s reason when work started meanwhile; it is not offered once work has started', async ({ page, server }) => {
    const { admin, visitId, procedureId } = await practiceWithProcedure(server);
    await signIn(page, server, 'noor');
    await open(page, server, `/visits/${visitId}`);

    await page.getByRole('button', { name: 'Cancel visit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel visit' });
    await dialog.getByLabel('Reason').fill('Patient phoned in sick');
    expect((await server.api('procedures.setStatus', { id: procedureId, version: 1, status: 'IN_PROGRESS' }, admin)).ok).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel visit' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Work on this visit has started (D2391 is in progress)');
    await dialog.getByRole('button', { name: 'Keep the visit' }).click();

    await expect(page.getByTestId('visit-status')).toContainText('In progress');
    await expect(page.getByRole('button', { name: 'Cancel visit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Remove visit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit visit' })).toBeVisible();
  });

  test('Remove visit asks once, then goes to the patient page with a toast', async ({ page, server }) => {
    const { admin, visitId } = await practiceWithProcedure(server);
    const { patientId } = await getVisit(server, admin, visitId);
    await signIn(page, server, 'noor');
    await open(page, server, `/visits/${visitId}`);

    await page.getByRole('button', { name: 'Remove visit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove visit' });
    await expect(dialog).toContainText('Remove the visit of 03/02/2026 for Maya Tanaka and its planned procedure?');
    // The question's answer has the focus: Enter removes.
    await expect(dialog.getByRole('button', { name: 'Remove visit' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(new RegExp(`#/patients/${patientId}$`));
    await expect(page.getByText('Visit of 03/02/2026 removed')).toBeVisible();
    await expect(page.getByTestId('visit-row')).toHaveCount(0);
    expect((await server.api('visits.get', { id: visitId }, admin)).error?.code).toBe('NOT_FOUND');
  });
});

test.describe('a second visit the same day is a warning, not a refusal', () => {
  test('the new-visit dialog names the other visit, links to it, and creates a second one when asked', async ({ page, server }) => {
    const { admin, visitId } = await practiceWithProcedure(server);
    const { patientId } = await getVisit(server, admin, visitId);
    await signIn(page, server, 'noor');
    await open(page, server, `/patients/${patientId}`);

    await page.getByRole('button', { name: 'New visit' }).click();
    const dialog = page.getByRole('dialog', { name: 'New visit' });
    // Focus starts in the first field, so Enter never closes the dialog.
    await expect(dialog.getByLabel('Date')).toBeFocused();
    await dialog.getByLabel('Date').fill('2026-03-02');
    const warning = dialog.getByTestId('same-day-warning');
    await expect(warning).toContainText('Maya Tanaka already has a visit that day');
    await expect(warning).toContainText('03/02/2026 with Dr. Noor Haddad');
    await expect(warning.getByRole('link', { name: 'Open that visit' })).toHaveAttribute('href', new RegExp(`/visits/${visitId}$`));

    await dialog.getByRole('button', { name: 'Create visit' }).click();
    await expect(warning).toContainText('Tick this to go ahead, or open the other visit.');
    await expect(dialog).toBeVisible();
    await warning.getByLabel('Create a second visit that day').check();
    await dialog.getByRole('button', { name: 'Create visit' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/visits\//);
    expect(page.url()).not.toContain(visitId);

    const day = await server.api<{ id: string }[]>('visits.onDay', { patientId, date: '2026-03-02' }, admin);
    expect(day.data).toHaveLength(2);
  });

  test('the link opens the other visit instead', async ({ page, server }) => {
    const { admin, visitId } = await practiceWithProcedure(server);
    const { patientId } = await getVisit(server, admin, visitId);
    await signIn(page, server, 'noor');
    await open(page, server, `/patients/${patientId}`);
    await page.getByRole('button', { name: 'New visit' }).click();
    const dialog = page.getByRole('dialog', { name: 'New visit' });
    await dialog.getByLabel('Date').fill('2026-03-02');
    await dialog.getByRole('link', { name: 'Open that visit' }).click();
    await expect(page).toHaveURL(new RegExp(`#/visits/${visitId}$`));
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const day = await server.api<{ id: string }[]>('visits.onDay', { patientId, date: '2026-03-02' }, admin);
    expect(day.data).toHaveLength(1);
  });

  test('moving a visit onto a day with another asks “Move anyway”', async ({ page, server }) => {
    const { admin, visitId } = await practiceWithProcedure(server);
    const { patientId, providerId } = await getVisit(server, admin, visitId);
    const other = await server.api<{ id: string }>('visits.create', { patientId, providerId, date: '2026-03-09', time: '10:15' }, admin);
    await signIn(page, server, 'noor');
    await open(page, server, `/visits/${visitId}`);

    await page.getByRole('button', { name: 'Edit visit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit visit' });
    // Its own day is no warning.
    await expect(dialog.getByTestId('same-day-warning')).toHaveCount(0);
    await dialog.getByLabel('Date').fill('2026-03-09');
    const warning = dialog.getByTestId('same-day-warning');
    await expect(warning).toContainText('03/09/2026 at 10:15 AM with Dr. Noor Haddad');
    await expect(warning.getByRole('link', { name: 'Open that visit' })).toHaveAttribute('href', new RegExp(`/visits/${other.data.id}$`));
    await warning.getByLabel(/Move anyway/).check();
    await dialog.getByRole('button', { name: 'Save visit' }).click();
    await expect(dialog).toBeHidden();
    expect((await getVisit(server, admin, visitId)).date).toBe('2026-03-09');
  });
});

test('fee and duration refuse bad input with a message, keeping what was typed', async ({ page, server }) => {
  const { visitId } = await practiceWithProcedure(server);
  await signIn(page, server, 'noor');
  await open(page, server, `/visits/${visitId}`);

  await page.getByRole('button', { name: 'Add procedure' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Code').fill('D1110');
  await dialog.getByLabel('Description').fill('Prophylaxis, adult');
  const fee = dialog.getByLabel('Fee');
  const duration = dialog.getByLabel('Duration');
  const cases: [string, string, string, string][] = [
    ['-95', 'A fee cannot be negative.', '-20', 'Duration cannot be negative.'],
    // Not read as $95,555.00: "." is this practice's decimal point, and dollars have two decimals.
    ['95.555', 'Enter the fee as an amount in USD with at most 2 decimals, like 125.00.', '1.5', 'Duration is in whole minutes.'],
    ['ninety', 'Enter the fee as an amount in USD with at most 2 decimals, like 125.00.', '2000', 'Duration is at most 1,440 minutes (a whole day).'],
  ];
  for (const [feeText, feeMessage, minutes, durationMessage] of cases) {
    await fee.fill(feeText);
    await duration.fill(minutes);
    await dialog.getByRole('button', { name: 'Add procedure' }).click();
    await expect(dialog.getByText(feeMessage)).toBeVisible();
    await expect(dialog.getByText(durationMessage)).toBeVisible();
    await expect(fee).toHaveValue(feeText);
    await expect(duration).toHaveValue(minutes);
  }
  await fee.fill('95.00');
  await duration.fill('45');
  await dialog.getByRole('button', { name: 'Add procedure' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('procedure-row').filter({ hasText: 'D1110' });
  await expect(row).toContainText('$95.00');
  await row.getByRole('button', { name: 'Details', exact: true }).click();
  await expect(page.getByTestId('procedure-detail')).toContainText('45 min');
});

test('every procedure opens a detail view with its notes and its history in words', async ({ page, server }) => {
  const { admin, visitId, procedureId } = await practiceWithProcedure(server);
  await server.api('procedures.update', { id: procedureId, version: 1, ...composite, unitFee: 21000, notes: 'Deep caries, indirect pulp cap' }, admin);
  await server.api('procedures.setStatus', { id: procedureId, version: 2, status: 'IN_PROGRESS' }, admin);
  await signIn(page, server, 'noor');
  await open(page, server, `/visits/${visitId}`);

  const row = page.getByTestId('procedure-row');
  // Notes show in the row as a hint…
  await expect(row.getByTestId('procedure-notes-hint')).toContainText('Deep caries, indirect pulp cap');
  // …and the row opens its details from the keyboard.
  await row.getByRole('button', { name: 'D2391 details' }).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'D2391 Composite, one surface' });
  const detail = drawer.getByTestId('procedure-detail');
  await expect(detail.getByTestId('detail-fee')).toHaveText('$210.00');
  await expect(detail.getByTestId('detail-line-total')).toHaveText('$210.00');
  await expect(detail.getByTestId('detail-status')).toHaveText('In progress');
  await expect(detail.getByTestId('detail-notes')).toContainText('Deep caries, indirect pulp cap');
  const entries = detail.getByTestId('history-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toHaveText(/^\d\d\/\d\d\/\d{4}, \d{1,2}:\d\d [AP]M — Ada Admin at .+: Added$/);
  await expect(entries.nth(1)).toContainText('Ada Admin at');
  await expect(entries.nth(1)).toContainText('Changed fee from $195.00 to $210.00; notes from none to “Deep caries, indirect pulp cap”');
  await expect(entries.nth(2)).toContainText('Moved to In progress');
  await expect(detail.getByTestId('detail-lab')).toContainText('No lab case.');
  for (const section of ['detail-claim', 'detail-corrections']) {
    await expect(detail.getByTestId(section)).toContainText('None yet');
  }

  // A step taken while the drawer is open shows in its history at once.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await row.getByRole('button', { name: 'Complete' }).click();
  await expect(row.getByTestId('procedure-status')).toContainText('Completed');
  await row.click();
  await expect(page.getByTestId('history-entry').last()).toContainText('Dr. Noor Haddad at');
  await expect(page.getByTestId('history-entry').last()).toContainText('Moved to Completed');
  await expect(page.getByTestId('procedure-detail')).not.toContainText('Not yet');
});

test('confirm dialogs focus their confirm button: Enter answers the question', async ({ page, server }) => {
  const { admin, visitId } = await practiceWithProcedure(server);
  await signIn(page, server, 'noor');
  await open(page, server, `/visits/${visitId}`);

  await page.getByTestId('procedure-row').getByRole('button', { name: 'Cancel', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel procedure' });
  await expect(dialog.getByRole('button', { name: 'Cancel procedure' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('procedure-status')).toContainText('Cancelled');
  expect((await getVisit(server, admin, visitId)).procedures[0]!.status).toBe('CANCELLED');
});

test('hints fit the role: the front desk is not told to use buttons it does not have', async ({ page, server }) => {
  const { admin, visitId } = await practiceWithProcedure(server);
  const { patientId, providerId } = await getVisit(server, admin, visitId);
  const empty = await server.api<{ id: string }>('visits.create', { patientId, providerId, date: '2026-04-06' }, admin);
  await addUser(server, admin, 'pat', 'Pat Quinn', 'FRONT_DESK');

  await signIn(page, server, 'pat');
  await open(page, server, `/visits/${empty.data.id}`);
  await expect(page.getByText('No procedures yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add procedure' })).toHaveCount(0);
  await expect(page.getByText('Add procedure', { exact: false })).toHaveCount(0);
  await expect(page.getByText('The dentist, hygienist or assistant adds the planned work here.')).toBeVisible();
  // What the front desk may do to the visit itself is offered.
  await expect(page.getByRole('button', { name: 'Edit visit' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove visit' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, server, 'noor');
  await open(page, server, `/visits/${empty.data.id}`);
  await expect(page.getByText('Add what is planned or done in this visit with “Add procedure”.')).toBeVisible();
});

test('one format: dates, times, names and money as the practice chose them', async ({ page, server }) => {
  const { admin, visitId } = await practiceWithProcedure(server);
  const before = await getVisit(server, admin, visitId);
  await server.api('visits.update', { id: visitId, version: before.version, providerId: before.providerId, date: before.date, time: '14:30', notes: null }, admin);
  const practice = await server.api<{ version: number; name: string }>('practice.get', {}, admin);
  expect(
    (await server.api('practice.update', { version: practice.data.version, name: practice.data.name, locale: 'en-GB', timeFormat: '24h', nameOrder: 'last_first' }, admin)).ok,
  ).toBe(true);

  await signIn(page, server, 'noor');
  await open(page, server, `/visits/${visitId}`);
  await expect(page.getByTestId('visit-when')).toHaveText('2 Mar 2026 at 14:30');
  await expect(page.getByText('Visit for Tanaka, Maya')).toBeVisible();
  await expect(page.getByTestId('visit-total')).toHaveText('US$195.00');

  await page.getByTestId('nav-visits').click();
  const row = page.getByTestId('visit-row').first();
  await expect(row).toContainText('02/03/2026');
  await expect(row).toContainText('14:30');
  await expect(row).toContainText('Tanaka, Maya');
});
