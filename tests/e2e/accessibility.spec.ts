/**
 * axe-core on every screen and dialog, as the roles that see them, at the
 * desk's 1360×860 and (the key screens) at the smallest supported 1024×768,
 * where nothing may scroll sideways. A serious or critical violation fails
 * the test with its rule, the elements and a snippet of each; minor and
 * moderate ones are printed as information. A touch screen at chairside gets
 * targets of at least 44 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, type Server, test } from './fixtures';

/**
 * Violations known and waiting on a change outside the theme: each is one
 * rule (an axe rule id, or 'sideways-scroll' for noSidewaysScroll below) on
 * one element (part of the CSS selector axe reports, or of the scrolling box's
 * name), with why it is not fixed yet and the file that needs the change.
 * Filtered out of the assertions, and printed on every run so they are not
 * forgotten. Keep it short: an entry is a defect, not an exception.
 */
export const PENDING_FIXES: { rule: string; target: string; reason: string; file: string }[] = [
  {
    rule: 'sideways-scroll',
    target: '[procedure-row]',
    reason:
      "At 1024 px the procedure table is ~200 px wider than its 750 px box, so the row actions (Start, Complete, Edit, Cancel) sit out of sight to the right: stack the row actions under the row or in a menu, or fold Qty/Line total and Performed by into other cells below ~1100 px.",
    file: 'renderer/features/visits/ProceduresTable.tsx',
  },
];

// The page.evaluate callbacks below run in the browser. tsconfig.node.json
// has no DOM library (it would let main-process code use `document` too), so
// the few DOM names they use are declared here, for this module only.
interface DomElement {
  tagName: string;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
}
interface DomAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}
declare const document: { documentElement: DomElement; getAnimations(): DomAnimation[]; querySelectorAll(selector: string): ArrayLike<DomElement> };
declare const window: { innerWidth: number };
declare function getComputedStyle(el: DomElement): { overflowX: string; visibility: string; opacity: string };
declare function matchMedia(query: string): { matches: boolean };

const DEMO_PASSWORD = 'chairside-demo';
const PASSWORD = 'a long enough password';
const DESK = { width: 1360, height: 860 };
const SMALL = { width: 1024, height: 768 };

interface Finding {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Entries of PENDING_FIXES seen in this run; the others may be fixed already. */
const seenPending = new Set<(typeof PENDING_FIXES)[number]>();
function isPending(rule: string, target: string): boolean {
  const entry = PENDING_FIXES.find((p) => p.rule === rule && target.includes(p.target));
  if (entry) seenPending.add(entry);
  return Boolean(entry);
}

test.afterAll(() => {
  for (const p of PENDING_FIXES) {
    if (seenPending.has(p)) console.log(`[pending] ${p.rule} ${p.target} (${p.file}): ${p.reason}`);
    else console.log(`[pending] not seen in this run, perhaps fixed (remove it from PENDING_FIXES if so): ${p.rule} ${p.target}`);
  }
});

/** Waits until no transition runs (a modal fading in would fool the contrast check); a spinner's endless turning does not count. */
async function settle(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, {
    timeout: 5_000,
  });
}

/** Runs axe on the page as it is now and fails on any serious or critical violation. */
async function audit(page: Page, name: string) {
  await settle(page);
  const results = await new AxeBuilder({ page })
    // Experimental, so off by default; a visible label that differs from the spoken name misleads voice control.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const findings: Finding[] = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: (n.failureSummary ?? '').split('\n').slice(0, 2).join(' ') })),
  }));
  const severe: Finding[] = [];
  const pending: string[] = [];
  for (const f of findings) {
    const nodes = f.nodes.filter((n) => !isPending(f.rule, n.target));
    if (f.impact === 'serious' || f.impact === 'critical') {
      if (nodes.length) severe.push({ ...f, nodes });
      pending.push(...f.nodes.filter((n) => isPending(f.rule, n.target)).map((n) => `${f.rule} ${n.target}`));
    } else {
      console.log(`[axe] ${name}: ${f.impact} ${f.rule} (${f.nodes.length}) — ${f.help}`);
    }
  }
  if (pending.length) console.log(`[axe] ${name}: pending fixes still present: ${pending.join('; ')}`);
  const report = severe
    .map((f) => [`${f.rule} (${f.impact}): ${f.help}`, ...f.nodes.map((n) => `  ${n.target}\n    ${n.html}\n    ${n.summary}`)].join('\n'))
    .join('\n');
  // Soft, so one run lists every screen's violations rather than the first screen's.
  expect.soft(severe.length, `${name}: serious or critical axe violations\n${report}\n`).toBe(0);
}

/**
 * Nothing needs a sideways scroll: not the page (at 1024 px, the narrowest
 * supported screen) and not a table inside it, whose last columns (a row's
 * actions) would otherwise sit out of sight. Each scrolling box is named by
 * its Mantine class and the test id of the rows it holds.
 */
async function noSidewaysScroll(page: Page, name: string) {
  const { pageWidth, viewport, boxes } = await page.evaluate(() => ({
    pageWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    boxes: Array.from(document.querySelectorAll('body *'))
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1 && !['TEXTAREA', 'INPUT'].includes(el.tagName))
      .map((el) => {
        const kind = (el.getAttribute('class') ?? '').split(' ').find((c) => c.startsWith('mantine-')) ?? el.tagName.toLowerCase();
        const rows = el.querySelector('[data-testid]')?.getAttribute('data-testid');
        return { target: rows ? `${kind} [${rows}]` : kind, by: el.scrollWidth - el.clientWidth };
      }),
  }));
  expect.soft(pageWidth, `${name} scrolls sideways at ${viewport} px`).toBeLessThanOrEqual(viewport);
  const open = boxes.filter((b) => !isPending('sideways-scroll', b.target));
  for (const b of boxes.filter((x) => isPending('sideways-scroll', x.target))) console.log(`[layout] ${name} ${viewport}: pending fix still present: ${b.target} scrolls ${b.by} px`);
  expect.soft(open, `${name} at ${viewport} px: boxes that scroll sideways`).toEqual([]);
}

async function signIn(page: Page, server: Server, username: string, password = DEMO_PASSWORD) {
  await page.goto(server.url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** A session token for calling the API as a second workstation. */
async function apiSession(server: Server, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await server.api<{ sessionToken: string }>('auth.signIn', { username, password });
  expect(r.ok).toBe(true);
  return r.data.sessionToken;
}

interface DemoProcedure {
  id: string;
  version: number;
  status: string;
  code: string;
  name: string;
  [field: string]: unknown;
}

/** A demo visit with a planned procedure beside others, so every badge and row action shows. */
async function busyVisit(server: Server, session: string): Promise<{ id: string; planned: DemoProcedure }> {
  for (const status of ['IN_PROGRESS', 'PLANNED']) {
    const found = await server.api<{ items: { id: string }[] }>('visits.search', { status, size: 50 }, session);
    for (const { id } of found.data.items) {
      const v = await server.api<{ procedures: DemoProcedure[] }>('visits.get', { id }, session);
      const planned = v.data.procedures.find((p) => p.status === 'PLANNED');
      if (planned && v.data.procedures.length > 1) return { id, planned };
    }
  }
  throw new Error('the demo has no visit with a planned procedure beside others');
}

const hash = (server: Server, path: string) => `${server.url.replace(/\?token=.*/, '')}#${path}`;

async function openDialog(page: Page, open: () => Promise<void>): Promise<Locator> {
  await open();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/**
 * The visit page's tooth chart in its states: a charted tooth selected (the
 * surface toggles, a code whose surface count warns, the tooth's details),
 * quick entry refusing a line and warning about another, and the chart as of
 * an earlier day. Adds nothing, and leaves the chart at today.
 */
async function auditChart(page: Page, server: Server, session: string, visitId: string) {
  const visit = await server.api<{ patientId: string }>('visits.get', { id: visitId }, session);
  const chart = await server.api<{ teeth: Record<string, unknown> }>('chart.get', { patientId: visit.data.patientId }, session);
  const charted = Object.keys(chart.data.teeth).find((t) => /^\d+$/.test(t) && Number(t) <= 32) ?? '3';
  const tooth = page.getByTestId('tooth-chart').getByRole('button', { name: `Tooth ${charted}`, exact: true });
  await tooth.click();
  await expect(tooth).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('tooth-details')).toBeVisible();
  await page.getByRole('button', { name: 'Surface M' }).click();
  await page.getByRole('combobox', { name: 'Procedure code' }).fill('D2393');
  await page.getByRole('option', { name: /D2393/ }).click();
  await expect(page.getByTestId('chart-warning')).toBeVisible();
  await audit(page, 'Visit page, a tooth selected with a surface and a code that warns');

  const quick = page.getByRole('textbox', { name: 'Quick entry' });
  await quick.fill('8 O D2330');
  await quick.press('Enter');
  await expect(page.getByText('Tooth 8 is a front tooth: use I (incisal) instead of O.')).toBeVisible();
  await audit(page, 'Quick entry refusing a line');
  await quick.fill('14 MO D2393');
  await quick.press('Enter');
  await expect(page.getByTestId('quick-entry-warning')).toBeVisible();
  await audit(page, 'Quick entry warning');
  await quick.fill('');

  const asOf = page.getByLabel('Chart as of');
  const today = await asOf.inputValue();
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await asOf.fill(yesterday);
  await expect(page.getByTestId('chart-as-of')).toBeVisible();
  await audit(page, 'Chart as of an earlier day');
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await expect(page.getByTestId('chart-as-of')).toHaveCount(0);
}

test.describe('axe: no serious or critical violations', () => {
  // Each axe pass takes a second or two, and each test makes many.
  test.describe.configure({ timeout: 120_000 });

  test('first run and sign-in, on a fresh server', async ({ page, server }) => {
    for (const size of [DESK, SMALL]) {
      await page.setViewportSize(size);
      await page.goto(server.url);
      await expect(page.getByRole('button', { name: 'Create practice' })).toBeVisible();
      await audit(page, `setup ${size.width}`);
      // The form's own errors, in words, under their fields.
      await page.getByRole('button', { name: 'Create practice' }).click();
      await audit(page, `setup with errors ${size.width}`);
      await noSidewaysScroll(page, 'setup');
    }

    await server.api('setup.createPractice', { practiceName: 'Harbour Dental', currency: 'USD', adminDisplayName: 'Ada Admin', adminUsername: 'ada', adminPassword: PASSWORD });
    for (const size of [DESK, SMALL]) {
      await page.setViewportSize(size);
      await page.goto(server.url);
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await audit(page, `sign-in ${size.width}`);
      await page.getByLabel('Username').fill('ada');
      await page.getByLabel('Password', { exact: true }).fill('wrong password!');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('That username and password do not match.')).toBeVisible();
      await audit(page, `sign-in refused ${size.width}`);
      await noSidewaysScroll(page, 'sign-in');
    }
  });

  test('the front desk: Today, Patients, a patient, a visit, the palette', async ({ page, demoServer }) => {
    await signIn(page, demoServer, 'frontdesk');
    const session = await apiSession(demoServer, 'frontdesk');
    const visit = await busyVisit(demoServer, session);

    await page.getByTestId('nav-today').click();
    await expect(page.getByTestId('visit-row').first()).toBeVisible();
    await audit(page, 'Today (front desk)');

    await page.getByTestId('nav-patients').click();
    await expect(page.getByTestId('patient-row').first()).toBeVisible();
    await audit(page, 'Patients (front desk)');
    await openDialog(page, () => page.getByRole('button', { name: 'New patient' }).first().click());
    await audit(page, 'New patient dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Add patient' }).click();
    await expect(page.getByRole('dialog').getByText(/required/i).first()).toBeVisible();
    await audit(page, 'New patient dialog with errors');
    await closeDialog(page);

    await page.getByTestId('patient-row').first().click();
    await expect(page.getByTestId('patient-name')).toBeVisible();
    await audit(page, 'Patient page (front desk)');
    await openDialog(page, () => page.getByRole('button', { name: 'New visit' }).click());
    await audit(page, 'New visit dialog');
    await closeDialog(page);

    await page.goto(hash(demoServer, `/visits/${visit.id}`));
    await expect(page.getByTestId('procedure-row').first()).toBeVisible();
    await audit(page, 'Visit page (front desk)');
    await noSidewaysScroll(page, 'Visit page (front desk)');

    await page.keyboard.press('Control+K');
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'Command palette');
    await page.keyboard.type('okafor');
    await expect(page.getByRole('dialog').getByText(/Chart /).first()).toBeVisible();
    await audit(page, 'Command palette with patients');
    await closeDialog(page);
  });

  test('a dentist: the visit page, procedure dialogs, confirmations and a conflict', async ({ page, demoServer }) => {
    await signIn(page, demoServer, 'drpatel');
    const session = await apiSession(demoServer, 'drpatel');
    const visit = await busyVisit(demoServer, session);
    await page.goto(hash(demoServer, `/visits/${visit.id}`));
    const row = page.getByTestId('procedure-row').filter({ hasText: visit.planned.name }).first();
    await expect(row).toBeVisible();
    await audit(page, 'Visit page (dentist)');
    await noSidewaysScroll(page, 'Visit page (dentist)');
    await auditChart(page, demoServer, session, visit.id);

    await openDialog(page, () => page.getByRole('button', { name: 'Add procedure' }).click());
    await audit(page, 'Add procedure dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Add procedure' }).click();
    await audit(page, 'Add procedure dialog with errors');
    await closeDialog(page);

    await openDialog(page, () => row.getByRole('button', { name: 'Remove' }).click());
    await audit(page, 'Remove procedure confirmation');
    await closeDialog(page);
    await openDialog(page, () => row.getByRole('button', { name: 'Cancel', exact: true }).click());
    await audit(page, 'Cancel procedure confirmation');
    await closeDialog(page);

    const dialog = await openDialog(page, () => row.getByRole('button', { name: 'Edit' }).click());
    await audit(page, 'Edit procedure dialog');
    // Another workstation changes the fee meanwhile: the save is a conflict.
    const other = await demoServer.api('procedures.update', { ...visit.planned, unitFee: visit.planned.unitFee as number + 100 }, session);
    expect(other.ok).toBe(true);
    await dialog.getByRole('button', { name: 'Save procedure' }).click();
    await expect(page.getByTestId('conflict-alert')).toBeVisible();
    await audit(page, 'Conflict alert in the procedure dialog');
    await closeDialog(page);
  });

  test('an administrator: patient dialogs, an archived patient, Visits', async ({ page, demoServer }) => {
    await signIn(page, demoServer, 'admin');
    const session = await apiSession(demoServer, 'admin');
    const found = await demoServer.api<{ items: { id: string; version: number }[] }>('patients.search', { query: '', size: 3 }, session);
    // One archived patient is restored below; the other stays archived for the list.
    const [active, toArchive, staysArchived] = found.data.items;
    for (const p of [toArchive!, staysArchived!]) expect((await demoServer.api('patients.archive', { id: p.id, version: p.version }, session)).ok).toBe(true);

    await page.goto(hash(demoServer, `/patients/${active!.id}`));
    await expect(page.getByTestId('patient-name')).toBeVisible();
    await audit(page, 'Patient page (admin)');
    await openDialog(page, () => page.getByRole('button', { name: 'Edit' }).click());
    await audit(page, 'Edit patient dialog');
    await closeDialog(page);
    await openDialog(page, () => page.getByRole('button', { name: 'Archive' }).click());
    await audit(page, 'Archive patient confirmation');
    await closeDialog(page);

    await page.goto(hash(demoServer, `/patients/${toArchive!.id}`));
    await expect(page.getByTestId('archived-notice')).toBeVisible();
    await audit(page, 'Archived patient page');
    await openDialog(page, () => page.getByRole('button', { name: 'Restore' }).click());
    await audit(page, 'Restore patient confirmation');
    // Restored: the quiet success toast, with its close button.
    await page.getByRole('dialog').getByRole('button', { name: 'Restore patient' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.locator('.mantine-Notification-root')).toBeVisible();
    await audit(page, 'Success toast');

    await page.getByTestId('nav-patients').click();
    await page.getByRole('switch', { name: 'Show archived' }).check();
    await expect(page.getByTestId('patient-row').getByText('Archived')).toBeVisible();
    await audit(page, 'Patients with archived');

    await page.getByTestId('nav-visits').click();
    await expect(page.getByTestId('visit-row').first()).toBeVisible();
    await audit(page, 'Visits search');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'In progress' }).click();
    await page.getByLabel('Procedure code').fill('D2740');
    await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();
    await audit(page, 'Visits search, filtered');
  });

  test('an administrator: Settings, Users and their dialogs, Fee schedule, Audit', async ({ page, demoServer }) => {
    await signIn(page, demoServer, 'admin');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByRole('button', { name: 'Change password' })).toBeVisible();
    await audit(page, 'Settings');

    await page.getByTestId('nav-users').click();
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    await audit(page, 'Users');
    await openDialog(page, () => page.getByRole('button', { name: 'New user' }).click());
    await audit(page, 'New user dialog');
    await closeDialog(page);
    await openDialog(page, () => page.getByRole('button', { name: 'Edit Pat Quinn' }).click());
    await audit(page, 'Edit user dialog');
    await closeDialog(page);
    await openDialog(page, () => page.getByRole('button', { name: 'Reset password for Kim Lee' }).click());
    await audit(page, 'Reset password dialog');
    await closeDialog(page);

    await page.getByTestId('nav-fee-schedule').click();
    await expect(page.getByTestId('fee-row').first()).toBeVisible();
    await audit(page, 'Fee schedule');
    await openDialog(page, () => page.getByRole('button', { name: 'Edit D2393' }).click());
    await audit(page, 'Edit fee schedule code dialog');
    await closeDialog(page);

    await page.getByTestId('nav-audit').click();
    await page.getByRole('button', { name: /Verify/ }).click();
    await expect(page.getByTestId('audit-verification')).toBeVisible();
    await audit(page, 'Audit');
  });
});

test.describe('axe: lab follow-up', () => {
  test.use({ viewport: DESK });
  test.describe.configure({ timeout: 120_000 });

  test('the board, the notices, a case in the drawer with its dialogs, the slip, the lab directory', async ({ page, demoServer }) => {
    await signIn(page, demoServer, 'drpatel');
    await expect(page.getByTestId('overdue-labs')).toBeVisible();
    await audit(page, 'Today with the overdue count');
    await page.getByTestId('notices-button').click();
    await expect(page.getByTestId('notice').first()).toBeVisible();
    await audit(page, 'Lab notices');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-labs').click();
    await expect(page.getByTestId('lab-card').first()).toBeVisible();
    await audit(page, 'Lab board');
    await noSidewaysScroll(page, 'Lab board');

    // A case not yet sent: its facts, and the send dialog with its computed due date.
    await page.getByTestId('column-notSent').getByTestId('lab-card').first().getByRole('link').nth(1).click();
    const lab = page.getByTestId('lab-case');
    await expect(lab.getByTestId('lab-stage')).toHaveText('Not sent');
    await audit(page, 'Procedure details with a lab case');
    // These open over the drawer, itself a dialog.
    for (const [button, title] of [['Send to lab', 'Send to the lab'], ['Edit lab case', 'Edit lab case']] as const) {
      await lab.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog).toBeVisible();
      await audit(page, `${title} dialog`);
      await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
      await expect(dialog).toBeHidden();
    }

    await lab.getByRole('link', { name: 'Lab slip' }).click();
    await expect(page.getByTestId('lab-slip')).toBeVisible();
    await audit(page, 'Lab slip');

    await page.goto(hash(demoServer, '/settings/labs'));
    await expect(page.getByTestId('lab-row').first()).toBeVisible();
    await audit(page, 'Lab directory');
    await openDialog(page, () => page.getByRole('button', { name: 'Add lab' }).click());
    await audit(page, 'Add lab dialog');
  });
});

test.describe('at 1024×768: no violations and nothing scrolls sideways', () => {
  test.use({ viewport: SMALL });
  test.describe.configure({ timeout: 120_000 });

  test('the key screens as an administrator', async ({ page, demoServer }) => {
    await signIn(page, demoServer, 'admin');
    const session = await apiSession(demoServer, 'admin');
    const visit = await busyVisit(demoServer, session);
    const patient = await demoServer.api<{ items: { id: string }[] }>('patients.search', { query: '', size: 1 }, session);

    const screens: [string, string, () => Locator][] = [
      ['Today', '/today', () => page.getByTestId('visit-row').first()],
      ['Patients', '/patients', () => page.getByTestId('patient-row').first()],
      ['Patient page', `/patients/${patient.data.items[0]!.id}`, () => page.getByTestId('patient-name')],
      ['Visits search', '/visits', () => page.getByTestId('visit-row').first()],
      ['Visit page', `/visits/${visit.id}`, () => page.getByTestId('procedure-row').first()],
      ['Settings', '/settings', () => page.getByRole('button', { name: 'Change password' })],
      ['Users', '/settings/users', () => page.getByTestId('user-row').first()],
      ['Fee schedule', '/settings/fee-schedule', () => page.getByTestId('fee-row').first()],
      ['Audit', '/settings/audit', () => page.getByRole('button', { name: /Verify/ })],
      ['Lab board', '/labs', () => page.getByTestId('lab-card').first()],
      ['Lab directory', '/settings/labs', () => page.getByTestId('lab-row').first()],
    ];
    for (const [name, path, ready] of screens) {
      await page.goto(hash(demoServer, path));
      await expect(ready()).toBeVisible();
      await audit(page, `${name} 1024`);
      await noSidewaysScroll(page, name);
    }

    await page.goto(hash(demoServer, `/visits/${visit.id}`));
    await openDialog(page, () => page.getByRole('button', { name: 'Add procedure' }).click());
    await audit(page, 'Add procedure dialog 1024');
    await noSidewaysScroll(page, 'Add procedure dialog');
  });
});

/**
 * Every visible target under 44 px, as "tag name width×height". Links inside
 * running text are WCAG's inline exception; controls hidden from everyone
 * (aria-hidden, or an invisible input behind its label) are measured through
 * what is tapped instead, and so is a checkbox's box: its label toggles it
 * too, and the two are measured together as .mantine-Checkbox-body.
 */
async function targetsUnder44(page: Page): Promise<string[]> {
  const { measured, small } = await page.evaluate(() => {
    const visible = Array.from(document.querySelectorAll('button, [role="button"], a.mantine-NavLink-root, input, textarea, .mantine-Chip-label, .mantine-Switch-body, .mantine-Checkbox-body'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const checkboxInBody = el.tagName === 'INPUT' && el.getAttribute('type') === 'checkbox' && el.closest('.mantine-Checkbox-body') !== null;
        return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.opacity !== '0' && !el.closest('[aria-hidden="true"]') && !checkboxInBody;
      });
    const small = visible
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 43.5 || box.height < 43.5)
      .map(({ el, box }) => {
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
        return `${el.tagName.toLowerCase()} "${name || el.getAttribute('placeholder') || (el.getAttribute('class') ?? '').split(' ').find((c) => c.startsWith('mantine-'))}" ${Math.round(box.width)}×${Math.round(box.height)}`;
      });
    return { measured: visible.length, small };
  });
  // A selector that matched nothing would pass for the wrong reason.
  expect(measured, 'targets measured').toBeGreaterThan(5);
  return small;
}

test.describe('on a touch screen at chairside', () => {
  // Chromium's touch emulation makes the primary pointer coarse, as a touch screen does.
  test.use({ hasTouch: true, isMobile: false });

  test('the visit page, its procedure dialog and a list have targets of at least 44 px', async ({ page, demoServer }) => {
    await signIn(page, demoServer, 'drpatel');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'touch emulation makes the pointer coarse').toBe(true);
    const session = await apiSession(demoServer, 'drpatel');
    const visit = await busyVisit(demoServer, session);
    await page.goto(hash(demoServer, `/visits/${visit.id}`));
    await expect(page.getByTestId('procedure-row').filter({ hasText: visit.planned.name }).getByRole('button', { name: 'Start' })).toBeVisible();
    expect(await targetsUnder44(page), 'targets under 44 px on the visit page').toEqual([]);

    await openDialog(page, () => page.getByRole('button', { name: 'Add procedure' }).click());
    await settle(page);
    expect(await targetsUnder44(page), 'targets under 44 px in the procedure dialog').toEqual([]);
    await audit(page, 'Add procedure dialog on a touch screen');
    await closeDialog(page);

    // A list: its search box, the archived switch, rows and page buttons.
    await page.getByTestId('nav-patients').click();
    await expect(page.getByRole('button', { name: 'Next page' })).toBeVisible();
    expect(await targetsUnder44(page), 'targets under 44 px on Patients').toEqual([]);
  });
});
