/**
 * Lab cases on a real SQLite file: every step and what it does to the
 * procedure, the working-day due date, the board's columns, the reminder
 * job's once-a-day rule under a clock the test moves, and the refusals
 * (illegal steps, roles, an archived chart, a locked procedure).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { raiseReminders } from '../../electron/core/lab-cases/reminders';
import type { LabCase, Procedure } from '../../shared/types';
import { digest } from './contract/world';
import { createTestApp, PASSWORD, type TestApp } from './harness';

let app: TestApp;
afterEach(() => app?.close());

/** A clock the test moves: every call after `at(...)` happens at that instant. */
function movableClock(start: string) {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), at: (iso: string) => void (t = new Date(iso).getTime()) };
}

async function practice(clock = movableClock('2026-03-02T09:00:00Z')) {
  app = createTestApp({ now: clock.now });
  const admin = await app.setup();
  await app.call('users.create', { username: 'patel', displayName: 'Dr. Anika Patel', role: 'DENTIST', password: PASSWORD }, admin);
  await app.call('users.create', { username: 'desk', displayName: 'Pat Quinn', role: 'FRONT_DESK', password: PASSWORD }, admin);
  const signIn = async (username: string) => (await app.call('auth.signIn', { username, password: PASSWORD })).sessionToken;
  let dentist = await signIn('patel');
  let frontDesk = await signIn('desk');
  const providerId = (await app.call('users.providers', {}, admin)).find((p) => p.displayName === 'Dr. Anika Patel')!.id;
  const patient = await app.call('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, admin);
  const lab = await app.call('labs.save', { name: 'Northside Dental Lab', phone: '555-0142', turnaroundDays: 7 }, admin);
  const visitOn = (date: string) => app.call('visits.create', { patientId: patient.id, providerId, date, confirmSameDay: true }, admin);
  const crown = async (date: string, toothNumber = '3') =>
    app.call('procedures.add', { visitId: (await visitOn(date)).id, code: 'D2740', name: 'Crown, porcelain/ceramic', unitFee: 120000, toothNumber }, dentist);
  const open = (p: Procedure, extra: Record<string, unknown> = {}) => app.call('labCases.open', { procedureId: p.id, labId: lab.id, shade: 'A2', ...extra }, dentist);
  const procedure = async (id: string, visitId: string) => (await app.call('visits.get', { id: visitId }, dentist)).procedures.find((p) => p.id === id)!;
  return {
    clock,
    admin,
    get frontDesk() {
      return frontDesk;
    },
    get dentist() {
      return dentist;
    },
    /** Sessions end after 12 idle hours: after moving the clock by days, sign in again. */
    async resume() {
      dentist = await signIn('patel');
      frontDesk = await signIn('desk');
    },
    providerId,
    patient,
    lab,
    crown,
    open,
    procedure,
  };
}

const send = (lc: LabCase, token: string, extra: Record<string, unknown> = {}) => app.call('labCases.send', { id: lc.id, version: lc.version, ...extra }, token);

describe('lab case steps move their procedure, in the same change', () => {
  it('open, send, receive, check, then complete: each step dated, audited, and the procedure following', async () => {
    const p = await practice();
    const crown = await p.crown('2026-03-02');
    const opened = await p.open(crown, { labFee: 18500, instructions: 'Full contour zirconia' });
    expect(opened).toMatchObject({ stage: 'NOT_SENT', labName: 'Northside Dental Lab', labFee: 18500, sentDate: null, dueDate: null });
    expect(opened.procedure.status).toBe('PLANNED');

    const events = () => app.core.sqlite.prepare("SELECT action FROM audit_events WHERE entity = 'labCase' ORDER BY seq").pluck().all();
    // Monday 2 March + 7 working days is Wednesday 11 March.
    const sent = await send(opened, p.dentist, { trackingNo: 'TRK-881' });
    expect(sent).toMatchObject({ stage: 'AT_LAB', sentDate: '2026-03-02', dueDate: '2026-03-11', trackingNo: 'TRK-881' });
    // A planned crown is started on its way to the lab: both steps, one change.
    const atLab = await p.procedure(crown.id, crown.visitId);
    expect(atLab).toMatchObject({ status: 'SENT_TO_LAB', startedAt: expect.stringMatching(/^2026-03-02T09:00/) });

    const received = await app.call('labCases.receive', { id: sent.id, version: sent.version }, p.frontDesk);
    expect(received).toMatchObject({ stage: 'RECEIVED', receivedDate: '2026-03-02' });
    expect((await p.procedure(crown.id, crown.visitId)).status).toBe('RECEIVED');

    const checked = await app.call('labCases.check', { id: received.id, version: received.version }, p.dentist);
    expect(checked).toMatchObject({ stage: 'CHECKED', checkedDate: '2026-03-02' });
    expect(checked.procedure.status).toBe('RECEIVED');

    const done = await app.call('procedures.setStatus', { id: crown.id, version: checked.procedure.version, status: 'COMPLETED' }, p.dentist);
    expect(done.status).toBe('COMPLETED');
    expect(events()).toEqual(['create', 'send', 'receive', 'check']);

    // The procedure's history tells the lab steps among its own.
    const history = await app.call('procedures.history', { id: crown.id }, p.dentist);
    expect(history.map((h) => h.action)).toEqual(['create', 'create', 'send', 'receive', 'check', 'status']);
  });

  it('refuses illegal steps with a clear error and changes nothing', async () => {
    const p = await practice();
    const lc = await p.open(await p.crown('2026-03-02'));
    const before = digest(app);
    expect(await app.fail('labCases.receive', { id: lc.id, version: 1 }, p.dentist)).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'This case has not been sent yet: mark it sent first.',
    });
    expect((await app.fail('labCases.check', { id: lc.id, version: 1 }, p.dentist)).message).toBe('Only a case back from the lab can be checked: mark it received first.');
    expect(digest(app)).toBe(before);

    const sent = await send(lc, p.dentist);
    const after = digest(app);
    expect(await app.fail('labCases.send', { id: sent.id, version: sent.version }, p.dentist)).toEqual({ code: 'ILLEGAL_TRANSITION', message: 'This case was already sent on 2026-03-02.' });
    expect((await app.fail('labCases.cancel', { id: sent.id, version: sent.version, reason: 'x' }, p.dentist)).message).toMatch(/at the lab: mark it received .* or cancel the procedure/);
    // A stale version is a conflict, whatever the step.
    expect((await app.fail('labCases.receive', { id: sent.id, version: 1 }, p.dentist)).code).toBe('CONFLICT');
    expect(digest(app)).toBe(after);
  });

  it('reaches SENT_TO_LAB and RECEIVED only through the lab case', async () => {
    const p = await practice();
    const crown = await p.crown('2026-03-02');
    const started = await app.call('procedures.setStatus', { id: crown.id, version: 1, status: 'IN_PROGRESS' }, p.dentist);
    const toLab = await app.fail('procedures.setStatus', { id: crown.id, version: started.version, status: 'SENT_TO_LAB' }, p.dentist);
    expect(toLab).toEqual({ code: 'ILLEGAL_TRANSITION', message: 'Work goes to the lab through its lab case: open the lab case and mark it sent.' });
    const lc = await send(await p.open(started), p.dentist);
    const back = await app.fail('procedures.setStatus', { id: crown.id, version: lc.procedure.version, status: 'RECEIVED' }, p.dentist);
    expect(back.message).toBe('Work comes back from the lab through its lab case: mark the lab case received.');
  });

  it('does not complete work still at the lab or whose case was never sent', async () => {
    const p = await practice();
    const crown = await p.crown('2026-03-02');
    const started = await app.call('procedures.setStatus', { id: crown.id, version: 1, status: 'IN_PROGRESS' }, p.dentist);
    const lc = await p.open(started);
    const unsent = await app.fail('procedures.setStatus', { id: crown.id, version: started.version, status: 'COMPLETED' }, p.dentist);
    expect(unsent).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'This procedure has a lab case not yet sent: send it, or cancel the case if the lab is not needed, before completing.',
    });
    const sent = await send(lc, p.dentist);
    const out = await app.fail('procedures.setStatus', { id: crown.id, version: sent.procedure.version, status: 'COMPLETED' }, p.dentist);
    expect(out.message).toBe('The lab work is still at the lab (sent on 2026-03-02): mark the lab case received before completing.');
    // Cancelling the case instead lets chairside-made work be completed.
    const other = await p.crown('2026-03-02', '14');
    const startedOther = await app.call('procedures.setStatus', { id: other.id, version: 1, status: 'IN_PROGRESS' }, p.dentist);
    const otherCase = await p.open(startedOther);
    await app.call('labCases.cancel', { id: otherCase.id, version: otherCase.version, reason: 'Milled chairside instead' }, p.dentist);
    expect((await app.call('procedures.setStatus', { id: other.id, version: startedOther.version, status: 'COMPLETED' }, p.dentist)).status).toBe('COMPLETED');
  });

  it('cancelling the procedure cancels its case at the lab in the same change; a cancelled case makes room for a new one', async () => {
    const p = await practice();
    const crown = await p.crown('2026-03-02');
    const sent = await send(await p.open(crown), p.dentist);
    const cancelled = await app.call('procedures.setStatus', { id: crown.id, version: sent.procedure.version, status: 'CANCELLED' }, p.dentist);
    expect(cancelled.status).toBe('CANCELLED');
    const { labCase } = await app.call('labCases.get', { procedureId: crown.id }, p.dentist);
    expect(labCase).toMatchObject({ id: sent.id, stage: 'CANCELLED', cancelledDate: '2026-03-02', cancelReason: 'The procedure was cancelled.' });
    const event = app.core.sqlite.prepare("SELECT after_json FROM audit_events WHERE entity = 'procedure' AND action = 'status' ORDER BY seq DESC").pluck().get() as string;
    expect(JSON.parse(event)).toEqual({ status: 'CANCELLED', labCaseCancelled: sent.id });

    const again = await p.crown('2026-03-02', '30');
    const first = await p.open(again);
    expect((await app.fail('labCases.open', { procedureId: again.id, labId: p.lab.id }, p.dentist)).message).toBe(
      'This procedure already has a lab case: open that one, or cancel it first.',
    );
    await app.call('labCases.cancel', { id: first.id, version: first.version, reason: 'Wrong lab' }, p.dentist);
    const second = await p.open(again, { shade: 'B1' });
    expect((await app.call('labCases.get', { procedureId: again.id }, p.dentist)).labCase).toMatchObject({ id: second.id, stage: 'NOT_SENT', shade: 'B1' });
  });

  it('refuses days in the future, before the visit, or before the step they follow', async () => {
    const p = await practice();
    const crown = await p.crown('2026-02-27');
    const lc = await p.open(crown);
    const sentTooEarly = await app.fail('labCases.send', { id: lc.id, version: 1, sentDate: '2026-02-26' }, p.dentist);
    expect(sentTooEarly.issues).toEqual([{ path: 'sentDate', message: 'That day is before the visit (2026-02-27).' }]);
    expect((await app.fail('labCases.send', { id: lc.id, version: 1, sentDate: '2026-03-03' }, p.dentist)).issues![0]!.path).toBe('sentDate');
    expect((await app.fail('labCases.send', { id: lc.id, version: 1, sentDate: '2026-02-27', dueDate: '2026-02-26' }, p.dentist)).issues).toEqual([
      { path: 'dueDate', message: 'The due date is before the day it was sent (2026-02-27).' },
    ]);
    const sent = await send(lc, p.dentist, { sentDate: '2026-02-27', dueDate: '2026-03-20' });
    expect(sent.dueDate).toBe('2026-03-20');
    const early = await app.fail('labCases.receive', { id: lc.id, version: sent.version, receivedDate: '2026-02-26' }, p.dentist);
    expect(early.issues).toEqual([{ path: 'receivedDate', message: 'That day is before the day it was sent (2026-02-27).' }]);
  });

  it('changes details under its version; once back from the lab only notes, tracking and the lab fee', async () => {
    const p = await practice();
    const other = await app.call('labs.save', { name: 'Precision Ceramics', turnaroundDays: 5 }, p.admin);
    const lc = await p.open(await p.crown('2026-03-02'));
    const details = { labId: lc.labId, shade: 'A2', instructions: null, notes: null, trackingNo: null, labFee: null, dueDate: null };
    const moved = await app.call('labCases.update', { id: lc.id, version: 1, ...details, labId: other.id }, p.dentist);
    expect(moved.labName).toBe('Precision Ceramics');
    const sent = await send(moved, p.dentist);
    expect((await app.fail('labCases.update', { id: lc.id, version: sent.version, ...details, labId: p.lab.id, dueDate: sent.dueDate }, p.dentist)).issues![0]!.path).toBe('labId');
    const back = await app.call('labCases.receive', { id: lc.id, version: sent.version }, p.dentist);
    const keep = { ...details, labId: other.id, dueDate: back.dueDate };
    const shade = await app.fail('labCases.update', { id: lc.id, version: back.version, ...keep, shade: 'B1' }, p.dentist);
    expect(shade.message).toBe('This case is back from the lab: only its notes, tracking number and lab fee can change.');
    const invoiced = await app.call('labCases.update', { id: lc.id, version: back.version, ...keep, labFee: 21000, notes: 'Invoice 5521' }, p.dentist);
    expect(invoiced).toMatchObject({ labFee: 21000, notes: 'Invoice 5521', shade: 'A2' });
  });

  it('will not open a case on a hidden lab, on finished work, or for another role than allowed to check', async () => {
    const p = await practice();
    const hidden = await app.call('labs.save', { name: 'Old Lab', turnaroundDays: 9, hidden: true }, p.admin);
    const crown = await p.crown('2026-03-02');
    const onHidden = await app.fail('labCases.open', { procedureId: crown.id, labId: hidden.id }, p.dentist);
    expect(onHidden.issues).toEqual([{ path: 'labId', message: 'Old Lab is hidden in the lab directory: pick another lab, or show it again there first.' }]);
    const done = await app.call('procedures.setStatus', { id: crown.id, version: 1, status: 'IN_PROGRESS' }, p.dentist);
    await app.call('procedures.setStatus', { id: crown.id, version: done.version, status: 'COMPLETED' }, p.dentist);
    expect((await app.fail('labCases.open', { procedureId: crown.id, labId: p.lab.id }, p.dentist)).message).toBe(
      'This procedure is completed: only planned or started work goes to a lab.',
    );
    const lc = await app.call('labCases.receive', await (async () => {
      const s = await send(await p.open(await p.crown('2026-03-02', '4')), p.dentist);
      return { id: s.id, version: s.version };
    })(), p.frontDesk);
    expect((await app.fail('labCases.check', { id: lc.id, version: lc.version }, p.frontDesk)).code).toBe('FORBIDDEN');
  });

  it('an archived chart and a procedure on a submitted claim refuse every lab step', async () => {
    const p = await practice();
    const lc = await p.open(await p.crown('2026-03-02'));
    const tenantId = (await app.call('session.state', {}, p.admin)).user!.tenantId;
    const now = '2026-03-02T09:00:00Z';
    const claimId = app.core.newId();
    await app.core.db.insertInto('claims').values({
      id: claimId, tenant_id: tenantId, patient_id: p.patient.id, claim_number: 'CLM-0042', payer: 'Delta Dental',
      status: 'SUBMITTED', submitted_at: now, total_amount: 120000, paid_amount: null, notes: null, created_at: now, updated_at: now,
    }).execute();
    await app.core.db.insertInto('claim_procedures').values({ id: app.core.newId(), tenant_id: tenantId, claim_id: claimId, procedure_id: lc.procedure.id, fee: 120000, created_at: now, updated_at: now }).execute();
    const locked = await app.fail('labCases.send', { id: lc.id, version: 1 }, p.dentist);
    expect(locked).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('claim CLM-0042') });

    const other = await p.open(await p.crown('2026-03-02', '19'));
    await app.call('patients.archive', { id: p.patient.id, version: 1 }, p.admin);
    const before = digest(app);
    expect((await app.fail('labCases.send', { id: other.id, version: 1 }, p.dentist)).code).toBe('ARCHIVED');
    expect((await app.fail('labCases.cancel', { id: other.id, version: 1, reason: 'x' }, p.dentist)).code).toBe('ARCHIVED');
    expect(digest(app)).toBe(before);
  });
});

describe('the due date counts the lab’s turnaround in working days', () => {
  it('skips weekends and the practice’s closed days across the month and year end', async () => {
    const p = await practice(movableClock('2027-02-01T09:00:00Z'));
    await app.call('closedDays.add', { day: '2026-12-25', note: 'Christmas Day' }, p.admin);
    await app.call('closedDays.add', { day: '2027-01-01', note: 'New Year' }, p.admin);
    expect(await app.call('closedDays.list', { from: '2026-12-01' }, p.frontDesk)).toEqual([
      { day: '2026-12-25', note: 'Christmas Day' },
      { day: '2027-01-01', note: 'New Year' },
    ]);
    // Friday 18 December: 21-24 are 4 days, the 25th is closed, 28-30 make 7.
    const seven = await send(await p.open(await p.crown('2026-12-18')), p.dentist, { sentDate: '2026-12-18' });
    expect(seven.dueDate).toBe('2026-12-30');
    // Ten days: 31 December, then 1 January is closed and the 2nd and 3rd a weekend: 4 and 5 January.
    const ten = await app.call('labs.save', { name: 'Slow Lab', turnaroundDays: 10 }, p.admin);
    const lc = await app.call('labCases.open', { procedureId: (await p.crown('2026-12-18', '14')).id, labId: ten.id }, p.dentist);
    expect((await send(lc, p.dentist, { sentDate: '2026-12-18' })).dueDate).toBe('2027-01-05');
    // Sent on a Saturday, the count starts on Monday; a leap-free February ends on the 28th.
    const feb = await send(await p.open(await p.crown('2027-01-30', '30')), p.dentist, { sentDate: '2027-01-30' });
    expect(feb.dueDate).toBe('2027-02-09');
  });

  it('keeps a due date typed on the case, or given when sending', async () => {
    const p = await practice();
    const typed = await p.open(await p.crown('2026-03-02'), { dueDate: '2026-03-20' });
    expect((await send(typed, p.dentist)).dueDate).toBe('2026-03-20');
    const given = await p.open(await p.crown('2026-03-02', '4'));
    expect((await send(given, p.dentist, { dueDate: '2026-03-04' })).dueDate).toBe('2026-03-04');
  });
});

describe('the lab board', () => {
  it('puts each case in the column its dates say, filterable by lab and provider, with days overdue', async () => {
    const clock = movableClock('2026-03-02T09:00:00Z');
    const p = await practice(clock);
    const other = await app.call('labs.save', { name: 'Precision Ceramics', turnaroundDays: 5 }, p.admin);
    const notSent = await p.open(await p.crown('2026-03-02', '2'));
    const dueToday = await send(await p.open(await p.crown('2026-03-02', '3')), p.dentist, { dueDate: '2026-03-16' });
    const overdue = await send(await p.open(await p.crown('2026-03-02', '4')), p.dentist, { dueDate: '2026-03-10' });
    const later = await send(await p.open(await p.crown('2026-03-02', '5')), p.dentist, { dueDate: '2026-03-30' });
    const back = await app.call('labCases.receive', { id: later.id, version: later.version }, p.dentist);
    const ready = await send(await app.call('labCases.open', { procedureId: (await p.crown('2026-03-02', '12')).id, labId: other.id }, p.dentist), p.dentist);
    const readyBack = await app.call('labCases.receive', { id: ready.id, version: ready.version }, p.dentist);
    await app.call('labCases.check', { id: ready.id, version: readyBack.version }, p.dentist);
    const atLab = await send(await p.open(await p.crown('2026-03-02', '13')), p.dentist, { dueDate: '2026-03-20' });

    const nobody = await app.call('users.create', { username: 'hyg', displayName: 'Hy Gienist', role: 'HYGIENIST', password: PASSWORD }, p.admin);
    clock.at('2026-03-16T08:00:00Z');
    await p.resume();
    const board = await app.call('labCases.board', {}, p.frontDesk);
    const ids = Object.fromEntries(Object.entries(board.columns).map(([k, v]) => [k, v.cards.map((c) => c.id)]));
    expect(board.today).toBe('2026-03-16');
    expect(ids).toEqual({
      notSent: [notSent.id],
      atLab: [atLab.id],
      dueToday: [dueToday.id],
      overdue: [overdue.id],
      awaitingCheck: [back.id],
      readyToSeat: [ready.id],
    });
    expect(board.columns.overdue.cards[0]).toMatchObject({ daysOverdue: 6, patientLastName: 'Tanaka', providerName: 'Dr. Anika Patel' });

    const byLab = await app.call('labCases.board', { labId: other.id }, p.frontDesk);
    expect(Object.values(byLab.columns).map((c) => c.count)).toEqual([0, 0, 0, 0, 0, 1]);
    const limited = await app.call('labCases.board', { limit: 1 }, p.frontDesk);
    expect(limited.columns.overdue).toMatchObject({ count: 1 });
    expect(Object.values((await app.call('labCases.board', { providerId: nobody.id }, p.frontDesk)).columns).every((c) => c.count === 0)).toBe(true);

    // Seating takes the case off the board.
    const seated = (await app.call('labCases.get', { id: ready.id }, p.dentist)).labCase!;
    await app.call('procedures.setStatus', { id: seated.procedure.id, version: seated.procedure.version, status: 'COMPLETED' }, p.dentist);
    expect((await app.call('labCases.board', {}, p.frontDesk)).columns.readyToSeat.count).toBe(0);
  });
});

describe('the reminder job', () => {
  it('raises one notice per case per day: overdue, and due by the next working day', async () => {
    const clock = movableClock('2026-03-02T09:00:00Z');
    const p = await practice(clock);
    const late = await send(await p.open(await p.crown('2026-03-02', '3')), p.dentist, { dueDate: '2026-03-04' });
    // Due Monday the 9th: on Friday the 6th that is the next working day.
    const monday = await send(await p.open(await p.crown('2026-03-02', '4')), p.dentist, { dueDate: '2026-03-09' });
    expect(await raiseReminders(app.core)).toEqual([]);

    clock.at('2026-03-06T07:00:00Z');
    await p.resume();
    const raised = await raiseReminders(app.core);
    expect(raised.map((r) => r.message).sort()).toEqual([
      'Crown, porcelain/ceramic on 3 for Tanaka, Maya is 2 days overdue at Northside Dental Lab.',
      'Crown, porcelain/ceramic on 4 for Tanaka, Maya is due back from Northside Dental Lab on Mar 9, 2026.',
    ]);
    // Every few minutes the job runs again: nothing new the same day.
    clock.at('2026-03-06T16:55:00Z');
    expect(await raiseReminders(app.core)).toEqual([]);
    const listed = await app.call('reminders.list', {}, p.frontDesk);
    expect(listed.map((r) => [r.kind, r.labCase.id]).sort()).toEqual([['DUE_TOMORROW', monday.id], ['OVERDUE', late.id]].sort());

    const overdue = listed.find((r) => r.kind === 'OVERDUE')!;
    await app.call('reminders.dismiss', { id: overdue.id }, p.frontDesk);
    // A second window dismissing it too changes nothing.
    const events = app.core.sqlite.prepare('SELECT count(*) FROM audit_events').pluck().get();
    await app.call('reminders.dismiss', { id: overdue.id }, p.frontDesk);
    expect(app.core.sqlite.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(events);
    expect((await app.call('reminders.list', {}, p.frontDesk)).map((r) => r.kind)).toEqual(['DUE_TOMORROW']);

    // Monday: still late, so a new notice; the one for the case due today is outgrown but kept as that day's word.
    clock.at('2026-03-09T07:00:00Z');
    await p.resume();
    const monday9 = await raiseReminders(app.core);
    expect(monday9.map((r) => r.message)).toEqual(['Crown, porcelain/ceramic on 3 for Tanaka, Maya is 5 days overdue at Northside Dental Lab.']);
    const received = await app.call('labCases.receive', { id: late.id, version: late.version }, p.dentist);
    expect(received.stage).toBe('RECEIVED');
    // Back from the lab: its overdue notice no longer says something true.
    expect((await app.call('reminders.list', {}, p.frontDesk)).map((r) => r.labCase.id)).toEqual([monday.id]);
    const rows = app.core.sqlite.prepare('SELECT lab_case_id, kind, day FROM reminders ORDER BY day, kind').all();
    expect(rows).toEqual([
      { lab_case_id: monday.id, kind: 'DUE_TOMORROW', day: '2026-03-06' },
      { lab_case_id: late.id, kind: 'OVERDUE', day: '2026-03-06' },
      { lab_case_id: late.id, kind: 'OVERDUE', day: '2026-03-09' },
    ]);
  });

  it('skips archived patients, and flags work back from the lab with no appointment once the practice books them', async () => {
    const clock = movableClock('2026-03-02T09:00:00Z');
    const p = await practice(clock);
    const sent = await send(await p.open(await p.crown('2026-03-02')), p.dentist, { dueDate: '2026-03-03' });
    const back = await app.call('labCases.receive', { id: sent.id, version: sent.version }, p.dentist);
    expect(await raiseReminders(app.core)).toEqual([]);
    const tenantId = (await app.call('session.state', {}, p.admin)).user!.tenantId;
    const other = await app.call('patients.create', { firstName: 'Ole', lastName: 'Berg', dateOfBirth: '1970-01-01' }, p.admin);
    await app.core.db.insertInto('appointments').values({
      id: app.core.newId(), tenant_id: tenantId, patient_id: other.id, provider_id: p.providerId, date: '2026-03-10', start_time: '09:00',
      duration_minutes: 30, reason: 'Check-up', notes: null, created_at: '2026-03-02T09:00:00Z', updated_at: '2026-03-02T09:00:00Z',
    }).execute();
    const raised = await raiseReminders(app.core);
    expect(raised.map((r) => r.message)).toEqual([
      'Crown, porcelain/ceramic on 3 for Tanaka, Maya is back from Northside Dental Lab, but no appointment is booked to seat it.',
    ]);
    expect(back.stage).toBe('RECEIVED');

    const late = await send(await p.open(await p.crown('2026-03-02', '4')), p.dentist, { dueDate: '2026-03-02' });
    expect(late.stage).toBe('AT_LAB');
    await app.call('patients.archive', { id: p.patient.id, version: 1 }, p.admin);
    clock.at('2026-03-05T09:00:00Z');
    expect(await raiseReminders(app.core)).toEqual([]);
  });
});
