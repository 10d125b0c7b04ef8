/**
 * A believable demo practice for an empty database (`serve --demo`): users of
 * every role, 50 patients, visits with procedures in every status, lab cases,
 * supply orders with lots, and treatment records. Deterministic, so a demo
 * looks the same every time. Goes through the services where they exist, so
 * every rule and audit event applies to demo data too.
 */
import type { Role } from '../../../shared/domain/roles';
import { type ProcedureStatus, stepsFromPlanned } from '../../../shared/domain/status';
import type { FindingKind } from '../../../shared/domain/findings';
import type { Procedure } from '../../../shared/types';
import { createTenant } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { write } from '../change';
import * as findings from '../chart/findings.service';
import { anyTenant } from '../tenants/tenants.repository';
import type { AuthedContext, Core } from '../context';
import * as patients from '../patients/patients.service';
import * as labCases from '../lab-cases/lab-cases.service';
import * as closedDays from '../tenants/closed-days.service';
import { findProcedure, toProcedure } from '../procedures/procedures.repository';
import * as procedures from '../procedures/procedures.service';
import { addUser } from '../users/users.service';
import * as visits from '../visits/visits.service';

const DEMO_PASSWORD = 'chairside-demo';

const FIRST = ['Ava', 'Liam', 'Maya', 'Noah', 'Zoe', 'Ethan', 'Priya', 'Lucas', 'Hana', 'Omar', 'Grace', 'Mateo', 'Chloe', 'Yusuf', 'Ines', 'Daniel', 'Nora', 'Kenji', 'Ruth', 'Samuel', 'Lena', 'Arjun', 'Elena', 'Felix', 'Amara'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Brennan', 'Alvarez', 'Novak', 'Haddad', 'Fischer', 'Kowalski', 'Mensah', 'Rossi', 'Patel', 'Nguyen', 'Schmidt', 'Walsh', 'Costa', 'Ibrahim', 'Larsen', 'Dubois', 'Kim', 'Romero', 'Sato', 'Byrne', 'Yilmaz'];
const ALERTS = ['Allergic to penicillin', 'Latex allergy', 'On blood thinners (warfarin)', 'Premedicate: prosthetic joint'];

const CATALOG = [
  { code: 'D0120', name: 'Periodic oral evaluation', fee: 6500, site: {} },
  { code: 'D1110', name: 'Prophylaxis, adult', fee: 11000, site: {} },
  { code: 'D0274', name: 'Bitewings, four films', fee: 7500, site: {} },
  { code: 'D2391', name: 'Resin composite, one surface, posterior', fee: 19500, site: { toothNumber: '19', surfaces: ['O'] } },
  { code: 'D2392', name: 'Resin composite, two surfaces, posterior', fee: 24500, site: { toothNumber: '30', surfaces: ['M', 'O'] } },
  { code: 'D2330', name: 'Resin composite, one surface, anterior', fee: 16500, site: { toothNumber: '8', surfaces: ['F'] } },
  { code: 'D2740', name: 'Crown, porcelain/ceramic', fee: 125000, site: { toothNumber: '3' }, lab: true },
  { code: 'D2750', name: 'Crown, porcelain fused to high noble', fee: 118000, site: { toothNumber: '14' }, lab: true },
  { code: 'D4341', name: 'Scaling and root planing, 4+ teeth', fee: 26000, site: { area: 'UR' } },
  { code: 'D7140', name: 'Extraction, erupted tooth', fee: 17500, site: { toothNumber: '17' } },
  { code: 'D1351', name: 'Sealant, per tooth', fee: 5500, site: { toothNumber: 'A' } },
] as const;

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Demo rows for tables whose services come in later issues (labs, orders,
 * lab cases, treatment records): each inserted as one change with its audit
 * event, so the demo's audit trail is as complete as real use.
 */
async function insertAudited(
  ctx: AuthedContext,
  table: 'labs' | 'orders' | 'order_items' | 'treatment_records',
  rows: ({ id: string } & Record<string, unknown>)[],
  patientId: string | null = null,
) {
  for (const row of rows) {
    await write(ctx, async (c) => {
      await c.trx.insertInto(table).values({ ...row, ...c.stamps() } as never).execute();
      return { result: null, audit: { entity: table, entityId: row.id, patientId, action: 'create', after: row } };
    });
  }
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface DemoResult {
  practiceName: string;
  users: { username: string; role: Role }[];
  password: string;
}

/**
 * Lab work the way the practice does it: started, its case opened, sent the
 * day after the visit, back twelve days later and checked the next day (never
 * after today), then seated. An in-progress crown has its case opened, not sent.
 */
async function throughLab(
  ctx: AuthedContext,
  proc: Procedure,
  target: ProcedureStatus,
  o: { labId: string; date: string; today: string; trackingNo: string; shade: string },
): Promise<Procedure> {
  const notAfterToday = (day: string) => (day > o.today ? o.today : day);
  proc = await procedures.setStatus(ctx, { id: proc.id, version: proc.version, status: 'IN_PROGRESS' });
  let lc = await labCases.open(ctx, {
    procedureId: proc.id, labId: o.labId, shade: o.shade, instructions: 'Full contour zirconia, light occlusal contact.',
    notes: null, trackingNo: null, labFee: 18500, dueDate: null,
  });
  if (target === 'IN_PROGRESS') return proc;
  const sent = notAfterToday(addDays(o.date, 1));
  lc = await labCases.send(ctx, { id: lc.id, version: lc.version, sentDate: sent, dueDate: null, trackingNo: o.trackingNo });
  if (target !== 'SENT_TO_LAB') {
    lc = await labCases.receive(ctx, { id: lc.id, version: lc.version, receivedDate: notAfterToday(addDays(sent, 12)) });
    if (target === 'COMPLETED') lc = await labCases.check(ctx, { id: lc.id, version: lc.version, checkedDate: notAfterToday(addDays(sent, 13)) });
  }
  if (target === 'COMPLETED') return procedures.setStatus(ctx, { id: proc.id, version: lc.procedure.version, status: 'COMPLETED' });
  return toProcedure((await findProcedure(ctx.core.db, ctx.session.tenantId, proc.id))!);
}

/**
 * A crown on a visit of the last weeks, at a step taken from its number, so
 * the lab board has a case in every column: not sent, at the lab (due later,
 * due today, overdue), back awaiting the check, and checked, ready to seat.
 */
async function recentCrown(ctx: AuthedContext, o: { patientId: string; providerId: string; labId: string; today: string; n: number }): Promise<void> {
  const STAGES = ['NOT_SENT', 'AT_LAB', 'AT_LAB', 'RECEIVED', 'AT_LAB', 'AT_LAB', 'CHECKED', 'AT_LAB', 'RECEIVED', 'CHECKED'] as const;
  const stage = STAGES[o.n]!;
  const date = addDays(o.today, -(2 + 3 * o.n));
  const visit = await visits.create(ctx, { patientId: o.patientId, appointmentId: null, confirmSameDay: true, providerId: o.providerId, date, time: '10:30', notes: null });
  let proc = await procedures.add(ctx, {
    visitId: visit.id, correctsProcedureId: null, code: 'D2740', name: 'Crown, porcelain/ceramic', toothNumber: ['3', '14', '19', '30', '8'][o.n % 5]!,
    surfaces: [], area: null, quantity: 1, unitFee: 125000, durationMinutes: 60, performedById: o.providerId, notes: null,
  });
  proc = await procedures.setStatus(ctx, { id: proc.id, version: proc.version, status: 'IN_PROGRESS' });
  let lc = await labCases.open(ctx, {
    procedureId: proc.id, labId: o.labId, shade: 'A2', instructions: 'Full contour zirconia, light occlusal contact.', notes: null, trackingNo: null, labFee: 18500, dueDate: null,
  });
  if (stage === 'NOT_SENT') return;
  lc = await labCases.send(ctx, { id: lc.id, version: lc.version, sentDate: addDays(date, 1), dueDate: null, trackingNo: `NS-${20000 + o.n}` });
  if (stage === 'AT_LAB') return;
  const back = addDays(date, 12) > o.today ? o.today : addDays(date, 12);
  lc = await labCases.receive(ctx, { id: lc.id, version: lc.version, receivedDate: back });
  if (stage === 'CHECKED') await labCases.check(ctx, { id: lc.id, version: lc.version, checkedDate: back });
}

export async function seedDemo(core: Core, workstation: string): Promise<DemoResult | null> {
  if (await anyTenant(core.db)) return null;
  const rand = prng(20261121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const practiceName = 'Maple Street Dental';
  const { tenantId, userId: adminId } = await createTenant(
    core,
    workstation,
    { practiceName, currency: 'USD', adminDisplayName: 'Dana Whitfield', adminUsername: 'admin', adminPassword: DEMO_PASSWORD },
    { firstRunOnly: true },
  );
  const staff: { username: string; displayName: string; role: Role }[] = [
    { username: 'drpatel', displayName: 'Dr. Anika Patel', role: 'DENTIST' },
    { username: 'drmorgan', displayName: 'Dr. Sam Morgan', role: 'DENTIST' },
    { username: 'hygiene', displayName: 'Jo Reyes, RDH', role: 'HYGIENIST' },
    { username: 'assist', displayName: 'Kim Lee', role: 'ASSISTANT' },
    { username: 'frontdesk', displayName: 'Pat Quinn', role: 'FRONT_DESK' },
  ];
  // The demo is written as its staff would: the administrator adds the team, Dr. Patel charts.
  const as = (userId: string, role: Role, displayName: string): AuthedContext => ({
    core,
    workstation,
    session: { token: '', userId, tenantId, role, displayName },
  });
  const adminCtx = as(adminId, 'ADMIN', 'Dana Whitfield');
  const ids: Record<string, string> = {};
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const s of staff) {
    const user = await write(adminCtx, async (c) => {
      const added = await addUser(c, { ...s, passwordHash });
      return { result: added, audit: { entity: 'user', entityId: added.id, action: 'create', after: added } };
    });
    ids[s.username] = user.id;
  }
  const ctx = as(ids.drpatel!, 'DENTIST', 'Dr. Anika Patel');
  const providers = [ids.drpatel!, ids.drmorgan!, ids.hygiene!];
  const today = core.now().toISOString().slice(0, 10);

  const labId = core.newId();
  await insertAudited(adminCtx, 'labs', [
    { id: labId, tenant_id: tenantId, name: 'Northside Dental Lab', phone: '555-0142', email: 'cases@northside.example', turnaround_days: 10 },
    { id: core.newId(), tenant_id: tenantId, name: 'Precision Ceramics', phone: '555-0177', email: null, turnaround_days: 7 },
  ]);
  // The coming year-end holidays, so lab due dates visibly skip them.
  const year = Number(today.slice(0, 4));
  for (const [day, note] of [[`${year}-12-25`, 'Christmas Day'], [`${year + 1}-01-01`, 'New Year’s Day']] as const) {
    await closedDays.add(adminCtx, { day, note });
  }

  const orderId = core.newId();
  const lots = [
    { id: core.newId(), product_id: 'CMP-A2-4G', product_name: 'Composite syringe A2, 4 g', quantity: 20, lot_number: 'L2406-118', expiry_date: '2027-06-30' },
    { id: core.newId(), product_id: 'LID-2-50', product_name: 'Lidocaine 2% 1:100k, cartridge', quantity: 100, lot_number: 'LD24-7781', expiry_date: '2026-12-31' },
    { id: core.newId(), product_id: 'SEAL-CLR', product_name: 'Pit & fissure sealant, clear', quantity: 10, lot_number: 'SF-55102', expiry_date: '2027-01-15' },
  ];
  await insertAudited(adminCtx, 'orders', [{ id: orderId, tenant_id: tenantId, supplier: 'Henley Dental Supply', order_number: 'HDS-558201', order_date: addDays(today, -60), received_date: addDays(today, -55), status: 'RECEIVED', notes: null }]);
  await insertAudited(adminCtx, 'order_items', lots.map((l) => ({ ...l, tenant_id: tenantId, order_id: orderId, unit_cost: null })));

  const statuses: ProcedureStatus[] = ['PLANNED', 'IN_PROGRESS', 'SENT_TO_LAB', 'RECEIVED', 'COMPLETED', 'CANCELLED'];
  for (let i = 0; i < 50; i++) {
    const year = 1950 + Math.floor(rand() * 65);
    const dob = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const patient = await patients.create(ctx, {
      firstName: FIRST[i % FIRST.length]!,
      // Walk the surnames at another stride on each round so no two patients share a full name.
      lastName: LAST[(i * 7 + Math.floor(i / FIRST.length) * 3) % LAST.length]!,
      dateOfBirth: dob,
      phone: `555-01${String(10 + i).padStart(2, '0')}`,
      email: null,
      alerts: rand() < 0.15 ? pick(ALERTS) : null,
    });
    const visitCount = 1 + Math.floor(rand() * 3);
    for (let v = 0; v < visitCount; v++) {
      const date = v === 0 && i < 6 ? today : addDays(today, -Math.floor(rand() * 700) - 1);
      const visit = await visits.create(ctx, {
        patientId: patient.id,
        appointmentId: null,
        // The demo's visits are spread over days on purpose; a rare same-day pair is fine.
        confirmSameDay: true,
        providerId: pick(providers),
        date,
        time: `${String(8 + Math.floor(rand() * 9)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`,
        notes: null,
      });
      const count = 1 + Math.floor(rand() * 3);
      for (let p = 0; p < count; p++) {
        const item = pick(CATALOG);
        const target: ProcedureStatus =
          // Old lab work was long seated (or given up); only the last weeks' is still in flight.
          'lab' in item ? (date >= addDays(today, -45) ? pick(statuses) : pick(['COMPLETED', 'COMPLETED', 'CANCELLED'] as const)) : date === today ? pick(['PLANNED', 'IN_PROGRESS', 'COMPLETED'] as const) : pick(['COMPLETED', 'COMPLETED', 'PLANNED', 'CANCELLED'] as const);
        let proc = await procedures.add(ctx, {
          visitId: visit.id,
          correctsProcedureId: null,
          code: item.code,
          name: item.name,
          toothNumber: 'toothNumber' in item.site ? item.site.toothNumber : null,
          surfaces: 'surfaces' in item.site ? [...item.site.surfaces] : [],
          area: 'area' in item.site ? item.site.area : null,
          quantity: 1,
          unitFee: item.fee,
          durationMinutes: 30,
          performedById: visit.providerId,
          notes: null,
        });
        if ('lab' in item && target !== 'PLANNED' && target !== 'CANCELLED') {
          proc = await throughLab(ctx, proc, target, { labId, date, today, trackingNo: `NS-${10000 + i * 10 + p}`, shade: pick(['A1', 'A2', 'A3', 'B1']) });
        } else {
          for (const step of stepsFromPlanned(target)) {
            proc = await procedures.setStatus(ctx, { id: proc.id, version: proc.version, status: step });
          }
        }
        if (proc.status === 'COMPLETED' && item.code.startsWith('D23')) {
          const lot = lots[0]!;
          await insertAudited(ctx, 'treatment_records', [{
            id: core.newId(), tenant_id: tenantId, patient_id: patient.id, order_id: orderId, order_item_id: lot.id,
            procedure_id: proc.id, product_id: lot.product_id, product_name: lot.product_name, quantity_used: 1,
            date_applied: date, diagnosis: 'Caries', procedure_performed: item.name,
            wound_location: `Tooth ${proc.toothNumber ?? ''}`.trim(), doctor_notes: null, recorded_by: visit.providerId,
          }], patient.id);
        }
      }
    }
    // What the mouth already had at the first exam, so charts are not blank. Taken
    // from the patient's number, not the random stream, so the rest of the demo stays as it was.
    const since = addDays(today, -900 + i);
    const seen: { kind: FindingKind; teeth: string[]; surfaces?: string[] }[] = [
      ...(i % 3 === 0 ? [{ kind: 'MISSING' as const, teeth: ['1', '16'] }] : []),
      ...(i % 4 === 1 ? [{ kind: 'FILLING' as const, teeth: ['30'], surfaces: ['M', 'O'] }] : []),
      ...(i % 5 === 2 ? [{ kind: 'CROWN' as const, teeth: ['19'] }] : []),
      ...(i % 6 === 0 ? [{ kind: 'CARIES' as const, teeth: ['14'], surfaces: ['O'] }] : []),
    ];
    for (const f of seen) {
      await findings.add(ctx, { patientId: patient.id, kind: f.kind, teeth: f.teeth, surfaces: f.surfaces ?? [], recordedOn: since, notes: null });
    }
    if (i >= 6 && i < 16) await recentCrown(ctx, { patientId: patient.id, providerId: providers[i % 2]!, labId, today, n: i - 6 });
  }
  return { practiceName, users: [{ username: 'admin', role: 'ADMIN' }, ...staff.map(({ username, role }) => ({ username, role }))], password: DEMO_PASSWORD };
}
