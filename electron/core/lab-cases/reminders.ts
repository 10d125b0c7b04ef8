/**
 * The reminder job: at start and every few minutes, each case late at the lab,
 * due back by the next working day, or back with no appointment to seat it
 * gets one notice a day (the unique (case, day) key makes a second run that
 * day a no-op). Notices are derived from the cases, so the job writes no audit
 * event; dismissing one is a user's act and is audited.
 */
import { reminderFor, reminderMessage } from '../../../shared/domain/lab-cases';
import type { LabCase, NameOrder, Reminder, ReminderKind } from '../../../shared/types';
import { write } from '../change';
import type { AuthedContext, Core, Queryable } from '../context';
import { notFound } from '../errors';
import { closedDaysAfter } from '../tenants/closed-days.repository';
import { findPractice } from '../tenants/tenants.repository';
import { boardPlaces, casesFor } from './board';
import { labCaseQuery, toLabCase } from './lab-cases.repository';

export const REMINDER_EVERY_MS = 5 * 60 * 1000;

const personName = (p: { patientFirstName: string; patientLastName: string }, order: NameOrder) =>
  order === 'last_first' ? `${p.patientLastName}, ${p.patientFirstName}` : `${p.patientFirstName} ${p.patientLastName}`;

/** Notices read as the practice writes: its name order and its dates ("Nov 23, 2026", "23 Nov 2026"). */
function wording(practice: { nameOrder: NameOrder; locale: string } | undefined) {
  const day = new Intl.DateTimeFormat(practice?.locale ?? 'en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return {
    name: (p: { patientFirstName: string; patientLastName: string }) => personName(p, practice?.nameOrder ?? 'last_first'),
    day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
  };
}

/** What each case deserves today, from its state and the practice's appointments. */
async function dueNotices(db: Queryable, tenantId: string, today: string) {
  // The job runs every few minutes: cases already noticed today are not read again.
  const noticed = new Set(
    (await db.selectFrom('reminders').select('lab_case_id').where('tenant_id', '=', tenantId).where('day', '=', today).execute()).map((r) => r.lab_case_id),
  );
  const closed = await closedDaysAfter(db, tenantId, today);
  const anyAppointment = await db.selectFrom('appointments').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst();
  const context = { closed, usesAppointments: anyAppointment !== undefined };
  // Only cases that may deserve a notice are read in full: the rest of the board is not.
  const candidates = (await boardPlaces(db, tenantId, today)).filter(
    (p) => !noticed.has(p.id) && reminderFor(p, p.procedureStatus, today, { ...context, hasUpcomingAppointment: false }) !== null,
  );
  const cases = await casesFor(db, tenantId, candidates.map((p) => p.id));
  const booked = new Set(
    (
      await db
        .selectFrom('appointments')
        .select('patient_id')
        .distinct()
        .where('tenant_id', '=', tenantId)
        .where('date', '>=', today)
        .where('status', 'in', ['SCHEDULED', 'CHECKED_IN'])
        .execute()
    ).map((a) => a.patient_id),
  );
  const notices: { card: LabCase; kind: ReminderKind }[] = [];
  for (const place of candidates) {
    const card = cases.get(place.id)!;
    if (card.patientArchivedAt) continue;
    const kind = reminderFor(card, card.procedure.status, today, { ...context, hasUpcomingAppointment: booked.has(card.patientId) });
    if (kind) notices.push({ card, kind });
  }
  return notices;
}

export interface RaisedReminder {
  tenantId: string;
  message: string;
}

/** One pass of the job for every practice in the file; returns the notices raised by this pass. */
export async function raiseReminders(core: Core): Promise<RaisedReminder[]> {
  const today = core.now().toISOString().slice(0, 10);
  const raised: RaisedReminder[] = [];
  const tenants = await core.db.selectFrom('tenants').select('id').execute();
  for (const { id: tenantId } of tenants) {
    const words = wording(await findPractice(core.db, tenantId));
    const notices = await dueNotices(core.db, tenantId, today);
    if (notices.length === 0) continue;
    await core.db.transaction().execute(async (trx) => {
      const at = core.instant();
      for (const { card, kind } of notices) {
        const res = await trx
          .insertInto('reminders')
          .values({ id: core.newId(), tenant_id: tenantId, lab_case_id: card.id, kind, day: today, created_at: at })
          .onConflict((oc) => oc.columns(['tenant_id', 'day', 'lab_case_id']).doNothing())
          .executeTakeFirst();
        if (res.numInsertedOrUpdatedRows === 1n) {
          raised.push({ tenantId, message: reminderMessage(kind, card, words.name(card), today, words.day) });
        }
      }
    });
  }
  return raised;
}

/** Runs the job now and every `everyMs`, never two passes at once, until closeCore (or the returned stop). */
export function startReminderJob(core: Core, options: { everyMs?: number; onRaised?: (r: RaisedReminder[]) => void } = {}): () => void {
  let running: Promise<void> | null = null;
  const pass = () => {
    if (running || !core.sqlite.open) return;
    running = raiseReminders(core)
      .then((r) => {
        if (r.length > 0) options.onRaised?.(r);
      })
      .catch((err: unknown) => core.logError(err, 'lab reminders'))
      .finally(() => {
        running = null;
      });
  };
  pass();
  const timer = setInterval(pass, options.everyMs ?? REMINDER_EVERY_MS);
  timer.unref();
  const stop = () => clearInterval(timer);
  core.stoppers.push(stop);
  return stop;
}

/** Whether yesterday's notice still says something true today. */
function stillTrue(kind: ReminderKind, lc: ReturnType<typeof toLabCase>): boolean {
  const inFlight = lc.procedure.status !== 'COMPLETED' && lc.procedure.status !== 'CANCELLED';
  if (kind === 'NO_APPOINTMENT') return inFlight && (lc.stage === 'RECEIVED' || lc.stage === 'CHECKED');
  return inFlight && lc.stage === 'AT_LAB';
}

/** Open notices, one per case (its latest), newest first; a notice the case has outgrown is left out. */
export async function list(ctx: AuthedContext): Promise<Reminder[]> {
  const { db } = ctx.core;
  const tenantId = ctx.session.tenantId;
  const today = ctx.core.now().toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('reminders as r')
    .select(['r.id', 'r.kind', 'r.day', 'r.created_at', 'r.lab_case_id'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.dismissed_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reminders as r2').select('r2.id').whereRef('r2.lab_case_id', '=', 'r.lab_case_id').whereRef('r2.day', '>', 'r.day'))))
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
  if (rows.length === 0) return [];
  const words = wording(await findPractice(db, tenantId));
  const cases = new Map(
    (await labCaseQuery(db, tenantId).where('lc.id', 'in', rows.map((r) => r.lab_case_id)).execute()).map((r) => [r.id, toLabCase(r)]),
  );
  const out: Reminder[] = [];
  for (const r of rows) {
    const lc = cases.get(r.lab_case_id);
    if (!lc || !stillTrue(r.kind, lc)) continue;
    out.push({
      id: r.id,
      kind: r.kind,
      day: r.day,
      createdAt: r.created_at,
      message: reminderMessage(r.kind, lc, words.name(lc), today, words.day),
      labCase: lc,
    });
  }
  return out;
}

export function dismiss(ctx: AuthedContext, input: { id: string }): Promise<{ id: string }> {
  return (async () => {
    const row = await ctx.core.db
      .selectFrom('reminders')
      .select(['id', 'dismissed_at', 'lab_case_id', 'kind', 'day'])
      .where('tenant_id', '=', ctx.session.tenantId)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Notice');
    // Two windows dismissing the same notice: the second has nothing left to do.
    if (row.dismissed_at) return { id: input.id };
    return write(ctx, async (c) => {
      await c.trx
        .updateTable('reminders')
        .set({ dismissed_at: c.now, dismissed_by: ctx.session.userId })
        .where('tenant_id', '=', c.tenantId)
        .where('id', '=', input.id)
        .where('dismissed_at', 'is', null)
        .execute();
      return { result: { id: input.id }, audit: { entity: 'reminder', entityId: input.id, action: 'dismiss', after: { labCaseId: row.lab_case_id, kind: row.kind, day: row.day } } };
    });
  })();
}
