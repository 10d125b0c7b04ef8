/**
 * The tooth chart on the visit page: charting by clicking and by quick
 * entry, quadrants, findings, the rules that refuse or warn, colours that
 * follow a status change, the chart as of an earlier day, the keyboard, and
 * the front desk's read-only view.
 *
 * One server for the whole file (a server takes a couple of seconds to
 * start); each test charts on a patient and visit of its own, made through
 * the API, so no test sees another's work.
 */
import type { ChildProcess } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, type Server, startServer, stopServer, test } from './fixtures';
import { PASSWORD } from './practice';

let server: Server;
let child: ChildProcess | undefined;
let admin: string;
let dentistId: string;
let patients = 0;

test.beforeAll(async () => {
  ({ child, server } = await startServer());
  const setup = await server.api<{ sessionToken: string }>('setup.createPractice', {
    practiceName: 'Harbour Dental', currency: 'USD', adminDisplayName: 'Ada Admin', adminUsername: 'ada', adminPassword: PASSWORD,
  });
  expect(setup.ok).toBe(true);
  admin = setup.data.sessionToken;
  const dentist = await server.api<{ id: string }>('users.create', { username: 'noor', displayName: 'Dr. Noor Haddad', role: 'DENTIST', password: PASSWORD }, admin);
  const desk = await server.api('users.create', { username: 'pat', displayName: 'Pat Quinn', role: 'FRONT_DESK', password: PASSWORD }, admin);
  expect(dentist.ok && desk.ok).toBe(true);
  dentistId = dentist.data.id;
});

test.afterAll(async () => {
  if (child) await stopServer(child);
});

/** A new patient with a visit holding one planned composite on tooth 19 O ($195.00), made today through the API. */
async function newVisit() {
  patients += 1;
  const patient = await server.api<{ id: string }>('patients.create', { firstName: 'Maya', lastName: `Tanaka ${patients}`, dateOfBirth: '1979-11-30' }, admin);
  const visit = await server.api<{ id: string }>('visits.create', { patientId: patient.data.id, providerId: dentistId, date: '2026-03-02' }, admin);
  const procedure = await server.api(
    'procedures.add',
    { visitId: visit.data.id, code: 'D2391', name: 'Composite back, 1 surface', toothNumber: '19', surfaces: ['O'], unitFee: 19500 },
    admin,
  );
  expect(patient.ok && visit.ok && procedure.ok).toBe(true);
  return { patientId: patient.data.id, visitId: visit.data.id };
}

/** Signs in and opens the visit; resolves once its chart is drawn. */
async function openVisit(page: Page, visitId: string, username = 'noor') {
  await page.goto(server.url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`${server.url.replace(/\?token=.*/, '')}#/visits/${visitId}`);
  await expect(page.getByTestId('tooth-chart')).toBeVisible();
  // The API's composite on 19 O is painted once the chart has loaded.
  await expect(region(page, '19', 'O')).toHaveAttribute('data-category', 'PLANNED');
}

const tooth = (page: Page, t: string) => page.getByTestId('tooth-chart').getByRole('button', { name: `Tooth ${t}`, exact: true });
const region = (page: Page, t: string, surface: string) => tooth(page, t).locator(`[data-surface="${surface}"]`);
const rows = (page: Page) => page.getByTestId('procedure-row');
const rowOf = (page: Page, code: string) => rows(page).filter({ hasText: code });
const quickEntry = (page: Page) => page.getByRole('textbox', { name: 'Quick entry' });
// Named "Upper right quadrant UR" and then the codes charted on it.
const quadrant = (page: Page, name: string) => page.getByTestId('tooth-chart').getByRole('button', { name });

async function expectRegions(t: Locator, surfaces: string[], category: string) {
  for (const s of surfaces) await expect(t.locator(`[data-surface="${s}"]`), `surface ${s}`).toHaveAttribute('data-category', category);
}

/** One line of quick entry, then Enter. */
async function quick(page: Page, line: string) {
  await quickEntry(page).fill(line);
  await quickEntry(page).press('Enter');
}

/** A day `days` before `day` (YYYY-MM-DD, UTC). */
function daysBefore(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

test('a three-surface filling charted by clicking the tooth, its surfaces and a code', async ({ page }) => {
  const { visitId } = await newVisit();
  await openVisit(page, visitId);

  const t3 = tooth(page, '3');
  await t3.click();
  await expect(t3).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('chart-selection')).toHaveText('Tooth 3');
  await page.getByRole('button', { name: 'Surface M' }).click();
  // A click on a region of the selected tooth toggles that surface: O in the middle, D towards the back.
  await region(page, '3', 'O').click();
  await region(page, '3', 'D').click();
  await expect(page.getByTestId('chart-selection')).toHaveText('Tooth 3 · MOD');
  for (const s of ['M', 'O', 'D']) await expect(page.getByRole('button', { name: `Surface ${s}` })).toHaveAttribute('aria-pressed', 'true');
  await expect(t3).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('combobox', { name: 'Procedure code' }).fill('D2393');
  await page.getByRole('option', { name: /D2393/ }).click();
  await page.getByRole('button', { name: 'Add D2393' }).click();

  const row = rowOf(page, 'D2393');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('3 MOD');
  await expect(row).toContainText('Planned');
  await expectRegions(t3, ['M', 'O', 'D'], 'PLANNED');
  for (const s of ['B', 'L']) await expect(region(page, '3', s)).not.toHaveAttribute('data-category');
  // The surfaces are cleared for the next entry; the tooth stays selected, its details list the new work.
  await expect(page.getByTestId('chart-selection')).toHaveText('Tooth 3');
  await expect(page.getByTestId('tooth-details')).toContainText('D2393');
});

test('a crown by quick entry, from the keyboard alone', async ({ page }) => {
  const { visitId } = await newVisit();
  await openVisit(page, visitId);

  // Tab to the box, as a keyboard user would.
  const box = quickEntry(page);
  const focusedBox = box.and(page.locator(':focus'));
  for (let i = 0; i < 60 && (await focusedBox.count()) === 0; i++) await page.keyboard.press('Tab');
  await expect(box).toBeFocused();

  await page.keyboard.type('8 D2740');
  await page.keyboard.press('Enter');

  const row = rowOf(page, 'D2740');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/\b8\b/);
  await expect(tooth(page, '8')).toHaveAttribute('data-whole', 'PLANNED');
  await expect(box).toHaveValue('');
  // The next line can be typed straight away.
  await expect(box).toBeFocused();
});

test('quadrant work by quick entry and by clicking a quadrant', async ({ page }) => {
  const { visitId } = await newVisit();
  await openVisit(page, visitId);

  await quick(page, 'UR D4341');
  const ur = quadrant(page, 'Upper right quadrant');
  await expect(ur.locator('[data-category]')).toHaveText('D4341');
  await expect(ur.locator('[data-category]')).toHaveAttribute('data-category', 'PLANNED');
  await expect(rowOf(page, 'D4341')).toContainText('UR');

  const lr = quadrant(page, 'Lower right quadrant');
  await lr.click();
  await expect(lr).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('chart-selection')).toHaveText('Lower right quadrant');
  await page.getByRole('combobox', { name: 'Procedure code' }).fill('D4341');
  await page.getByRole('option', { name: /D4341/ }).click();
  await page.getByRole('button', { name: 'Add D4341' }).click();
  await expect(lr.locator('[data-category]')).toHaveText('D4341');
  await expect(rowOf(page, 'D4341')).toHaveCount(2);
  // Only the two quadrants charted carry work.
  await expect(quadrant(page, 'Upper left quadrant').locator('[data-category]')).toHaveCount(0);
  await expect(quadrant(page, 'Lower left quadrant').locator('[data-category]')).toHaveCount(0);
});

test('missing teeth are findings: drawn on the chart, never billed', async ({ page }) => {
  const { visitId } = await newVisit();
  await openVisit(page, visitId);
  const total = page.getByTestId('visit-total');
  await expect(total).toHaveText('$195.00');

  await quick(page, '1 missing');
  await expect(tooth(page, '1')).toHaveAttribute('data-missing', 'true');
  await expect(quickEntry(page)).toHaveValue('');

  // The same through the menu, on the selected tooth.
  await tooth(page, '16').click();
  await page.getByRole('button', { name: 'Record finding' }).click();
  await page.getByRole('menuitem', { name: 'Missing tooth' }).click();
  await expect(tooth(page, '16')).toHaveAttribute('data-missing', 'true');
  await expect(page.getByTestId('tooth-details')).toContainText('Missing tooth');

  await expect(total).toHaveText('$195.00');
  await expect(rows(page)).toHaveCount(1);
  await expect(tooth(page, '2')).not.toHaveAttribute('data-missing');
});

test('a wrong surface is refused in words; a surface count that does not fit the code warns first', async ({ page }) => {
  const { visitId } = await newVisit();
  await openVisit(page, visitId);
  const box = quickEntry(page);

  await quick(page, '8 O D2330');
  await expect(page.getByText('Tooth 8 is a front tooth: use I (incisal) instead of O.')).toBeVisible();
  await expect(box).toHaveValue('8 O D2330');
  // Enter again changes nothing: the line is refused, not warned about.
  await box.press('Enter');
  await expect(page.getByText('Tooth 8 is a front tooth: use I (incisal) instead of O.')).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(tooth(page, '8').locator('[data-category]')).toHaveCount(0);

  await quick(page, '14 MO D2393');
  const warning = page.getByTestId('quick-entry-warning');
  await expect(warning).toContainText('D2392');
  await expect(warning).toContainText('Press Enter again');
  await expect(rows(page)).toHaveCount(1);
  await expect(box).toHaveValue('14 MO D2393');

  await box.press('Enter');
  await expect(rowOf(page, 'D2393')).toContainText('14 MO');
  await expect(warning).toHaveCount(0);
  await expect(box).toHaveValue('');
  await expectRegions(tooth(page, '14'), ['M', 'O'], 'PLANNED');

  // By clicking, the same: the warning shows with the code, and Add asks once more.
  await tooth(page, '15').click();
  await page.getByRole('button', { name: 'Surface M' }).click();
  await page.getByRole('button', { name: 'Surface O' }).click();
  await page.getByRole('combobox', { name: 'Procedure code' }).fill('D2393');
  await page.getByRole('option', { name: /D2393/ }).click();
  await expect(page.getByTestId('chart-warning')).toContainText('D2392');
  await page.getByRole('button', { name: 'Add D2393' }).click();
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Add anyway' }).click();
  await expect(rowOf(page, 'D2393').filter({ hasText: '15 MO' })).toHaveCount(1);
  await expectRegions(tooth(page, '15'), ['M', 'O'], 'PLANNED');
});

test('the colours follow a status change in the procedures table', async ({ page }) => {
  const { visitId } = await newVisit();
  await openVisit(page, visitId);

  await quick(page, '30 DO D2392');
  const t30 = tooth(page, '30');
  await expectRegions(t30, ['D', 'O'], 'PLANNED');

  const row = rowOf(page, 'D2392');
  await row.getByRole('button', { name: 'Start' }).click();
  await expect(row.getByTestId('procedure-status')).toContainText(/in progress/i);
  await expectRegions(t30, ['D', 'O'], 'IN_PROGRESS');

  await row.getByRole('button', { name: 'Complete' }).click();
  await expect(row.getByTestId('procedure-status')).toContainText(/completed/i);
  await expectRegions(t30, ['D', 'O'], 'COMPLETED');
  // The other work on the visit keeps its colour.
  await expect(region(page, '19', 'O')).toHaveAttribute('data-category', 'PLANNED');
});

test('the chart as of an earlier day hides later work and keeps earlier findings', async ({ page }) => {
  const { patientId, visitId } = await newVisit();
  await openVisit(page, visitId);
  const asOf = page.getByLabel('Chart as of');
  const today = await asOf.inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Caries found two days ago, recorded then.
  const caries = await server.api('findings.add', { patientId, kind: 'CARIES', teeth: ['14'], surfaces: ['O'], recordedOn: daysBefore(today, 2) }, admin);
  expect(caries.ok).toBe(true);
  // Today: a crown, and a missing tooth found today (the composite on 19 O was added today too).
  await quick(page, '3 D2740');
  await expect(tooth(page, '3')).toHaveAttribute('data-whole', 'PLANNED');
  await quick(page, '1 missing');
  await expect(tooth(page, '1')).toHaveAttribute('data-missing', 'true');
  await expect(region(page, '14', 'O')).toHaveAttribute('data-category', 'CONDITION');

  await asOf.fill(daysBefore(today, 1));
  const notice = page.getByTestId('chart-as-of');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('later work and findings are not shown');
  await expect(tooth(page, '3')).not.toHaveAttribute('data-whole');
  await expect(tooth(page, '1')).not.toHaveAttribute('data-missing');
  await expect(region(page, '19', 'O')).not.toHaveAttribute('data-category');
  await expect(region(page, '14', 'O')).toHaveAttribute('data-category', 'CONDITION');
  await expect(quickEntry(page)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Procedure code' })).toHaveCount(0);
  // The procedures table is the visit's, not the chart's: it still lists everything.
  await expect(rows(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await expect(notice).toHaveCount(0);
  await expect(asOf).toHaveValue(today);
  await expect(tooth(page, '3')).toHaveAttribute('data-whole', 'PLANNED');
  await expect(tooth(page, '1')).toHaveAttribute('data-missing', 'true');
  await expect(region(page, '19', 'O')).toHaveAttribute('data-category', 'PLANNED');
  await expect(quickEntry(page)).toBeVisible();
});

test('arrow keys move between teeth, one tab stop for the whole chart', async ({ page }) => {
  const { visitId } = await newVisit();
  await openVisit(page, visitId);

  const t1 = tooth(page, '1');
  await expect(t1).toHaveAttribute('tabindex', '0');
  await expect(page.getByTestId('tooth-chart').locator('[data-tooth][tabindex="0"]')).toHaveCount(1);
  await t1.focus();
  const moves: [string, string][] = [
    ['ArrowRight', '2'],
    ['ArrowDown', '31'],
    ['ArrowRight', '30'],
    ['ArrowLeft', '31'],
    ['ArrowUp', '2'],
    ['End', '16'],
    ['ArrowRight', '16'],
    ['ArrowDown', '17'],
    ['Home', '32'],
    ['ArrowLeft', '32'],
    ['ArrowUp', '1'],
  ];
  for (const [key, to] of moves) {
    await page.keyboard.press(key);
    await expect(tooth(page, to), `${key} goes to tooth ${to}`).toBeFocused();
  }
  // Enter selects the focused tooth, which then is the chart's tab stop.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(tooth(page, '2')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('chart-selection')).toHaveText('Tooth 2');
  await expect(tooth(page, '2')).toHaveAttribute('tabindex', '0');
  await expect(t1).toHaveAttribute('tabindex', '-1');
});

test('the front desk sees the chart but cannot chart', async ({ page }) => {
  const { visitId } = await newVisit();
  await openVisit(page, visitId, 'pat');

  await expect(page.getByTestId('chart-read-only')).toBeVisible();
  await expect(quickEntry(page)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Procedure code' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record finding' })).toHaveCount(0);
  // A tooth still shows what is charted on it.
  await tooth(page, '19').click();
  await expect(page.getByTestId('tooth-details')).toContainText('D2391');
  await expect(page.getByRole('button', { name: 'Surface O' })).toHaveCount(0);
});
