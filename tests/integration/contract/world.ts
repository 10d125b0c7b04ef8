/**
 * One practice with everything every channel needs: a user of each role,
 * a patient with a visit, a planned and a completed procedure, and a
 * colleague to edit. Built the same way for two practices in one file, so
 * a channel can be called with one practice's session and the other's ids.
 */
import { createHash } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';
import { raiseReminders } from '../../../electron/core/lab-cases/reminders';
import { PASSWORD, type TestApp } from '../harness';

export interface World {
  tokens: Record<Role, string>;
  patientId: string;
  visitId: string;
  plannedId: string;
  completedId: string;
  /** Another visit of the patient, with one planned procedure only (can be cancelled). */
  plannedVisitId: string;
  /** A visit with nothing on it (can be removed). */
  emptyVisitId: string;
  /** An open finding (caries) on the patient's tooth 3. */
  findingId: string;
  labId: string;
  /** Lab cases at each step (version 1, 2 and 3): not sent, overdue at the lab, back awaiting the check. */
  caseNotSentId: string;
  caseAtLabId: string;
  caseReceivedId: string;
  /** The overdue notice the reminder job raised for the case at the lab. */
  reminderId: string;
  /** A supply order not yet received (version 1), and its one item. */
  orderId: string;
  orderItemId: string;
  dentistId: string;
  colleagueId: string;
  colleagueUsername: string;
  adminUsername: string;
}

let worlds = 0;

export async function buildWorld(app: TestApp, adminToken: string): Promise<World> {
  const n = worlds++;
  const tokens = { ADMIN: adminToken } as Record<Role, string>;
  for (const role of ['DENTIST', 'HYGIENIST', 'ASSISTANT', 'FRONT_DESK'] as const) {
    tokens[role] = await app.signInAs(adminToken, role, `${role.toLowerCase().replace('_', '')}w${n}`);
  }
  const colleague = await app.call('users.create', { username: `colleague${n}`, displayName: 'Cole League', role: 'ASSISTANT', password: PASSWORD }, adminToken);
  const dentistId = (await app.call('users.providers', {}, adminToken)).find((p) => p.role === 'DENTIST')!.id;
  const patient = await app.call('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, adminToken);
  const visit = await app.call('visits.create', { patientId: patient.id, providerId: dentistId, date: '2026-03-02' }, adminToken);
  const add = () => app.call('procedures.add', { visitId: visit.id, code: 'D2391', name: 'Composite', unitFee: 19500, toothNumber: '19', surfaces: ['O'] }, adminToken);
  const planned = await add();
  let completed = await add();
  for (const status of ['IN_PROGRESS', 'COMPLETED'] as const) {
    completed = await app.call('procedures.setStatus', { id: completed.id, version: completed.version, status }, adminToken);
  }
  const plannedVisit = await app.call('visits.create', { patientId: patient.id, providerId: dentistId, date: '2026-03-05' }, adminToken);
  await app.call('procedures.add', { visitId: plannedVisit.id, code: 'D1110', name: 'Prophylaxis', unitFee: 9000 }, adminToken);
  const emptyVisit = await app.call('visits.create', { patientId: patient.id, providerId: dentistId, date: '2026-03-06' }, adminToken);
  const [finding] = await app.call('findings.add', { patientId: patient.id, kind: 'CARIES', teeth: ['3'], surfaces: ['O'], recordedOn: '2026-03-02' }, adminToken);
  const lab = await app.call('labs.save', { name: `Northside Dental Lab ${n}`, turnaroundDays: 7 }, adminToken);
  const crownVisit = await app.call('visits.create', { patientId: patient.id, providerId: dentistId, date: '2026-02-02' }, adminToken);
  const crown = async (toothNumber: string) => {
    const p = await app.call('procedures.add', { visitId: crownVisit.id, code: 'D2740', name: 'Crown, porcelain/ceramic', unitFee: 120000, toothNumber }, adminToken);
    return app.call('labCases.open', { procedureId: p.id, labId: lab.id, shade: 'A2' }, adminToken);
  };
  const notSent = await crown('8');
  const atLab = await crown('9');
  await app.call('labCases.send', { id: atLab.id, version: 1, sentDate: '2026-02-03', dueDate: '2026-02-13' }, adminToken);
  const received = await crown('14');
  await app.call('labCases.send', { id: received.id, version: 1, sentDate: '2026-02-03' }, adminToken);
  await app.call('labCases.receive', { id: received.id, version: 2, receivedDate: '2026-02-20' }, adminToken);
  await raiseReminders(app.core);
  const [reminder] = await app.call('reminders.list', {}, adminToken);
  const order = await app.call(
    'orders.create',
    { supplier: 'Henley Dental Supply', orderNumber: `HDS-${n}`, orderDate: '2026-03-01', items: [{ productId: 'CMP-A2', productName: 'Composite A2, 4 g', quantity: 10, unitCost: 2450 }] },
    adminToken,
  );
  const me = await app.call('session.state', {}, adminToken);
  return {
    tokens,
    patientId: patient.id,
    visitId: visit.id,
    plannedId: planned.id,
    completedId: completed.id,
    plannedVisitId: plannedVisit.id,
    emptyVisitId: emptyVisit.id,
    findingId: finding!.id,
    labId: lab.id,
    caseNotSentId: notSent.id,
    caseAtLabId: atLab.id,
    caseReceivedId: received.id,
    reminderId: reminder!.id,
    orderId: order.id,
    orderItemId: order.items[0]!.id,
    dentistId,
    colleagueId: colleague.id,
    colleagueUsername: colleague.username,
    adminUsername: me.user!.username,
  };
}

/** A fingerprint of every row of every table: equal before and after means nothing changed. */
export function digest(app: TestApp): string {
  const tables = app.core.sqlite
    .prepare("SELECT name, wr AS withoutRowid FROM pragma_table_list WHERE type = 'table' AND schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; withoutRowid: number }[];
  const hash = createHash('sha256');
  for (const { name, withoutRowid } of tables) {
    hash.update(name);
    // A WITHOUT ROWID table is stored in its primary key's order.
    const order = withoutRowid ? '' : ' ORDER BY rowid';
    for (const row of app.core.sqlite.prepare(`SELECT * FROM "${name}"${order}`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

export function auditCount(app: TestApp): number {
  return (app.core.sqlite.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
}
