/**
 * A crown's lab work from the visit to the seat, as the practice lives it:
 * the dentist opens the lab case and sends it, the front desk sees it on the
 * board; ten days later (the app restarted on the same data with the clock
 * moved by CHAIRSIDE_NOW) it is overdue and a notice says so; it comes back,
 * is checked, and the crown is completed, which takes it off the board.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type Server, startServer, stopServer, test } from './fixtures';
import { PASSWORD, signIn } from './practice';

const MONDAY = '2026-03-02T09:00:00Z';
const TEN_DAYS_LATER = '2026-03-12T09:00:00Z';

let dataDir: string;
let running: { child: ChildProcess; server: Server } | undefined;

async function startAt(now: string): Promise<Server> {
  if (running) await stopServer(running.child);
  running = await startServer([], { dataDir, env: { CHAIRSIDE_NOW: now } });
  return running.server;
}

test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'chairside-e2e-lab-'));
});
test.afterAll(async () => {
  if (running) await stopServer(running.child);
  rmSync(dataDir, { recursive: true, force: true });
});

const go = (page: Page, server: Server, path: string) => page.goto(`${server.url.replace(/\?token=.*/, '')}#${path}`);

test('send a crown to the lab, see it late on the board and in a notice, receive it, check it, seat it', async ({ page }) => {
  test.setTimeout(120_000);
  let server = await startAt(MONDAY);
  const setup = await server.api<{ sessionToken: string }>('setup.createPractice', {
    practiceName: 'Harbour Dental', currency: 'USD', adminDisplayName: 'Ada Admin', adminUsername: 'ada', adminPassword: PASSWORD,
  });
  const admin = setup.data.sessionToken;
  const dentist = await server.api<{ id: string }>('users.create', { username: 'noor', displayName: 'Dr. Noor Haddad', role: 'DENTIST', password: PASSWORD }, admin);
  await server.api('users.create', { username: 'pat', displayName: 'Pat Quinn', role: 'FRONT_DESK', password: PASSWORD }, admin);
  await server.api('labs.save', { name: 'Northside Dental Lab', phone: '555-0142', turnaroundDays: 5 }, admin);
  const patient = await server.api<{ id: string }>('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, admin);
  const visit = await server.api<{ id: string }>('visits.create', { patientId: patient.data.id, providerId: dentist.data.id, date: '2026-03-02' }, admin);
  const crown = await server.api('procedures.add', { visitId: visit.data.id, code: 'D2740', name: 'Crown, porcelain/ceramic', toothNumber: '3', unitFee: 125000 }, admin);
  expect(crown.ok).toBe(true);

  // The dentist opens the crown's lab case from its details and sends it.
  await signIn(page, server, 'noor');
  await go(page, server, `/visits/${visit.data.id}`);
  const row = page.getByTestId('procedure-row');
  await row.getByRole('button', { name: 'Details', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'D2740 Crown, porcelain/ceramic' });
  const lab = drawer.getByTestId('lab-case');
  await lab.getByRole('button', { name: 'Open lab case' }).click();
  const form = page.getByRole('dialog', { name: /Open lab case/ });
  // The lab is the first field, focused with its choices open.
  await page.getByRole('option', { name: /Northside Dental Lab/ }).click();
  await form.getByLabel('Shade').fill('A2');
  await form.getByLabel('Instructions for the lab').fill('Full contour zirconia');
  await form.getByRole('button', { name: 'Open lab case' }).click();
  await expect(form).toBeHidden();
  await expect(lab.getByTestId('lab-stage')).toHaveText('Not sent');

  await lab.getByRole('button', { name: 'Send to lab' }).click();
  const send = page.getByRole('dialog', { name: 'Send to the lab' });
  // Monday + 5 working days is the next Monday.
  await expect(send.getByLabel('Due back')).toHaveValue('2026-03-09');
  await send.getByLabel('Tracking number').fill('TRK-881');
  await send.getByRole('button', { name: 'Send to the lab' }).click();
  await expect(send).toBeHidden();
  await expect(lab.getByTestId('lab-stage')).toHaveText('At the lab');
  await expect(drawer.getByTestId('detail-status')).toHaveText('Sent to lab');
  await expect(drawer.getByTestId('history-entry').last()).toContainText('Sent to the lab on 03/02/2026, due 03/09/2026 (tracking TRK-881)');

  // The front desk sees it at the lab.
  await page.getByRole('button', { name: 'Close details' }).click();
  await page.getByTestId('nav-labs').click();
  const atLab = page.getByTestId('column-atLab');
  await expect(atLab.getByTestId('lab-card')).toContainText('Tanaka, Maya');
  await expect(page.getByTestId('column-overdue').getByTestId('column-count')).toHaveText('0');

  // Ten days later the app starts again on the same data: the case is overdue, and a notice says so.
  server = await startAt(TEN_DAYS_LATER);
  await signIn(page, server, 'pat');
  await expect(page.getByTestId('overdue-labs')).toContainText('1 lab case is overdue.');
  await expect(page.getByTestId('notices-count')).toHaveText('1');
  await page.getByTestId('notices-button').click();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Crown, porcelain/ceramic on 3 for Tanaka, Maya is 3 days overdue at Northside Dental Lab.');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-labs').click();
  const overdue = page.getByTestId('column-overdue').getByTestId('lab-card');
  await expect(overdue.getByTestId('days-overdue')).toHaveText('3 days overdue');

  // It comes back: the front desk marks it received from the card's link, straight into the crown's details.
  await overdue.getByRole('link', { name: 'Tooth 3 · D2740' }).click();
  const details = page.getByRole('dialog', { name: 'D2740 Crown, porcelain/ceramic' }).getByTestId('lab-case');
  await details.getByRole('button', { name: 'Mark received' }).click();
  await page.getByRole('dialog', { name: 'Mark received from the lab' }).getByRole('button', { name: 'Mark received from the lab' }).click();
  await expect(details.getByTestId('lab-stage')).toHaveText('Back, awaiting check');
  // Checking is clinical work: the front desk is not offered it.
  await expect(details.getByRole('button', { name: 'Mark checked' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Close details' }).click();
  await page.getByTestId('notices-button').click();
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The dentist checks it and seats the crown.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, server, 'noor');
  await go(page, server, `/visits/${visit.data.id}`);
  await page.getByTestId('procedure-row').getByRole('button', { name: 'Details', exact: true }).click();
  const mine = page.getByRole('dialog', { name: 'D2740 Crown, porcelain/ceramic' }).getByTestId('lab-case');
  await mine.getByRole('button', { name: 'Mark checked' }).click();
  await page.getByRole('dialog', { name: 'Mark checked before seating' }).getByRole('button', { name: 'Mark checked before seating' }).click();
  await expect(mine.getByTestId('lab-stage')).toHaveText('Checked, ready to seat');
  await page.getByRole('button', { name: 'Close details' }).click();
  await page.getByTestId('procedure-row').getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByTestId('procedure-row').getByTestId('procedure-status')).toContainText('Completed');

  await page.getByTestId('nav-labs').click();
  await expect(page.getByText('No lab work in flight')).toBeVisible();
});
