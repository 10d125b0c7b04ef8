/**
 * The demo practice is written through the services, so it obeys every rule
 * a user meets: its crowns reach the lab only through their cases, and each
 * case's stage matches its procedure's status.
 */
import { afterEach, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo/demo.seed';
import { stageOf } from '../../shared/domain/lab-cases';
import { createTestApp, FIXED_NOW, type TestApp } from './harness';

let app: TestApp;
afterEach(() => app.close());

it('seeds lab work at every step, each case agreeing with its procedure, and the coming holidays', async () => {
  app = createTestApp();
  await seedDemo(app.core, 'test-bench');
  const token = (await app.call('auth.signIn', { username: 'frontdesk', password: 'chairside-demo' })).sessionToken;
  const board = await app.call('labCases.board', {}, token);
  expect(board.columns.notSent.count).toBeGreaterThan(0);
  expect(board.columns.overdue.count + board.columns.atLab.count + board.columns.dueToday.count).toBeGreaterThan(0);

  const cases = app.core.sqlite
    .prepare('SELECT lc.sent_date, lc.received_date, lc.checked_date, lc.cancelled_date, pr.status FROM lab_cases lc JOIN procedures pr ON pr.id = lc.procedure_id')
    .all() as { sent_date: string | null; received_date: string | null; checked_date: string | null; cancelled_date: string | null; status: string }[];
  const expected: Record<string, string[]> = { NOT_SENT: ['IN_PROGRESS'], AT_LAB: ['SENT_TO_LAB'], RECEIVED: ['RECEIVED'], CHECKED: ['RECEIVED', 'COMPLETED'] };
  for (const c of cases) {
    const stage = stageOf({ sentDate: c.sent_date, receivedDate: c.received_date, checkedDate: c.checked_date, cancelledDate: c.cancelled_date });
    expect(expected[stage], `${stage} with ${c.status}`).toContain(c.status);
  }
  expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
  const year = FIXED_NOW.getUTCFullYear();
  expect((await app.call('closedDays.list', {}, token)).map((d) => d.day)).toContain(`${year + 1}-01-01`);
});
