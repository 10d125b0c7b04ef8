/**
 * Ten years of data: a practice with 50,000 patients and 50,000 visits. The
 * lists show the true totals while the DOM keeps only a page of rows (server
 * paging) and, within a long page, only the rows in view (virtualization).
 *
 * The rows are written straight into the practice's SQLite file in one
 * transaction (the API would take minutes for 100,000 writes). Only the
 * columns a person enters are written: a visit's status, procedure count and
 * total are the database's to derive, and with no procedures they are the
 * column defaults.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/paths';
import { expect, test, type Server } from './fixtures';

const PATIENTS = 50_000;
/** Today's list asks for up to 200 visits: a long page, virtualized rather than paged. */
const TODAY_VISITS = 200;
const MAX_ROWS_IN_DOM = 200;
const PASSWORD = 'a long enough password';

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya'];
const LAST = ['Alvarez', 'Brennan', 'Costa', 'Dubois', 'Fischer', 'Haddad', 'Ibrahim', 'Kim', 'Larsen', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Varga', 'Weber', 'Young'];

/** YYYY-MM-DD of a local day, as the renderer's todayIso() writes it. */
function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function practiceWithTenYears(server: Server): Promise<void> {
  const setup = await server.api<{ user: { id: string; tenantId: string }; sessionToken: string }>('setup.createPractice', {
    practiceName: 'Decade Dental',
    currency: 'USD',
    adminDisplayName: 'Ada Admin',
    adminUsername: 'ada',
    adminPassword: PASSWORD,
  });
  expect(setup.ok).toBe(true);
  const dentist = await server.api<{ id: string }>(
    'users.create',
    { username: 'noor', displayName: 'Dr. Noor Haddad', role: 'DENTIST', password: PASSWORD },
    setup.data.sessionToken,
  );
  expect(dentist.ok).toBe(true);
  const tenantId = setup.data.user.tenantId;

  // The server keeps its own connection open (WAL): this one writes beside it.
  const db = new Database(join(server.dataDir, DATABASE_FILE));
  db.pragma('busy_timeout = 10000');
  const addPatient = db.prepare(
    `INSERT INTO patients (id, tenant_id, chart_number, first_name, last_name, date_of_birth, phone, email, alerts, archived_at, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 1, ?, ?)`,
  );
  const addVisit = db.prepare(
    `INSERT INTO visits (id, tenant_id, patient_id, provider_id, date, time, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const now = new Date();
  const stamp = now.toISOString();
  db.transaction(() => {
    for (let i = 0; i < PATIENTS; i++) {
      const patientId = randomUUID();
      const birth = `${1940 + (i % 80)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      addPatient.run(patientId, tenantId, String(100_000 + i), FIRST[i % FIRST.length], `${LAST[i % LAST.length]}${Math.floor(i / LAST.length)}`, birth, `555-${String(i).padStart(5, '0')}`, stamp, stamp);
      // One visit each: the first 200 today, the rest spread over ten years.
      const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (i < TODAY_VISITS ? 0 : 1 + (i % 3650)));
      const time = `${String(8 + (i % 10)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`;
      addVisit.run(randomUUID(), tenantId, patientId, dentist.data.id, localDay(day), time, stamp, stamp);
    }
  })();
  db.close();
}

async function signIn(page: Page, server: Server) {
  await page.goto(server.url);
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Ada Admin');
}

/** Every table row in the document: header, body and spacer rows alike. */
async function rowsInDom(page: Page): Promise<number> {
  return page.locator('tr').count();
}

async function expectFewRows(page: Page, rows: Locator, atLeast: number) {
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(atLeast);
  expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS_IN_DOM);
}

test('50,000 patients and visits: the true totals, and never more than a page of rows in the DOM', async ({ page, server }) => {
  await practiceWithTenYears(server);
  await signIn(page, server);

  // Patients: the count of all 50,000, one page of rows; the last page too.
  await page.getByTestId('nav-patients').click();
  await expect(page.getByText('50,000 patients')).toBeVisible();
  const patients = page.getByTestId('patient-row');
  await expect(patients).toHaveCount(25);
  await expectFewRows(page, patients, 25);
  const firstPage = await patients.first().textContent();
  await page.getByRole('button', { name: '2000' }).click();
  await expect(patients.first()).not.toHaveText(firstPage!);
  await expect(patients).toHaveCount(25);
  expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS_IN_DOM);
  await page.mouse.wheel(0, 5000);
  expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS_IN_DOM);

  // Visits search: all 50,000 counted, one page shown.
  await page.getByTestId('nav-visits').click();
  await expect(page.getByText('50,000 visits')).toBeVisible();
  await expectFewRows(page, page.getByTestId('visit-row'), 25);

  // Today: 200 visits on one page, but only those in view (and a few either
  // side) are rendered, whatever the scroll position.
  await page.getByTestId('nav-today').click();
  const today = page.getByTestId('visit-row');
  await expect(today.first()).toBeVisible();
  await expect(page.locator('table[aria-rowcount="201"]')).toBeVisible();
  const rendered = await today.count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(TODAY_VISITS / 2);

  // The keyboard still walks the whole list: End reaches the 200th visit, off the first screen.
  await today.first().focus();
  await page.keyboard.press('End');
  const last = page.locator('tr[aria-rowindex="201"]');
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('tr[aria-rowindex="200"]')).toBeFocused();
  expect(await today.count()).toBeLessThan(TODAY_VISITS / 2);
  await expect(page.locator('tr[aria-rowindex="2"]')).toHaveCount(0);

  // Scrolling back to the top brings the first rows back, and the count stays low.
  await page.keyboard.press('Home');
  await expect(page.locator('tr[aria-rowindex="2"]')).toBeFocused();
  await expect(page.locator('tr[aria-rowindex="201"]')).toHaveCount(0);
  expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS_IN_DOM);
});
