/**
 * A call that succeeds, for every channel of the contract: the mapped type
 * makes a new channel without a sample fail to compile, so the generated
 * tests (contract.test.ts) cover it from the day it lands.
 */
import type { Channel, InputOf } from '../../../shared/contract';
import { PASSWORD, type TestApp } from '../harness';
import type { World } from './world';

export interface Sample<C extends Channel> {
  input: (w: World) => InputOf<C>;
  /** Brings the world to where the call succeeds (e.g. archive before restore). */
  prepare?: (app: TestApp, w: World) => Promise<void>;
  /** Writes to the patient's chart, so an archived patient refuses it. */
  chart?: true;
  /** Succeeds only on a file with no practice yet. */
  firstRun?: true;
}

const patient = { firstName: 'Ann', lastName: 'Lindqvist', dateOfBirth: '1984-07-12' };
const composite = { code: 'D2392', name: 'Composite, two surfaces', unitFee: 24500, toothNumber: '30', surfaces: ['M', 'O'] };

export const SAMPLES: { [C in Channel]: Sample<C> } = {
  'session.state': { input: () => ({}) },
  'setup.createPractice': {
    input: () => ({ practiceName: 'Fresh Dental', currency: 'JPY', adminDisplayName: 'Ada', adminUsername: 'fresh', adminPassword: PASSWORD }),
    firstRun: true,
  },
  'auth.signIn': { input: (w) => ({ username: w.colleagueUsername, password: PASSWORD }) },
  'auth.signOut': { input: () => ({}) },
  'auth.changePassword': { input: () => ({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }) },

  'users.list': { input: () => ({}) },
  'users.create': { input: () => ({ username: 'newhire', displayName: 'New Hire', role: 'HYGIENIST', password: PASSWORD }) },
  'users.update': { input: (w) => ({ id: w.colleagueId, version: 1, displayName: 'Cole League-Smith', role: 'DENTIST', active: true }) },
  'users.resetPassword': { input: (w) => ({ id: w.colleagueId, password: 'reset by the admin' }) },
  'users.unlock': {
    input: (w) => ({ id: w.colleagueId }),
    prepare: async (app, w) => {
      for (let i = 0; i < 5; i++) await app.call('auth.signIn', { username: w.colleagueUsername, password: 'not the password' }).catch(() => {});
    },
  },
  'users.providers': { input: () => ({}) },

  'practice.get': { input: () => ({}) },
  'practice.update': { input: () => ({ version: 1, name: 'Harbour Dental', locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' }) },

  'patients.search': { input: () => ({ query: 'tanaka' }) },
  'patients.get': { input: (w) => ({ id: w.patientId }) },
  'patients.create': { input: () => patient },
  'patients.update': { input: (w) => ({ id: w.patientId, version: 1, firstName: 'Maya', lastName: 'Tanaka-Ito', dateOfBirth: '1979-11-30' }), chart: true },
  'patients.archive': { input: (w) => ({ id: w.patientId, version: 1 }) },
  'patients.restore': {
    input: (w) => ({ id: w.patientId, version: 2 }),
    prepare: async (app, w) => void (await app.call('patients.archive', { id: w.patientId, version: 1 }, w.tokens.ADMIN)),
  },

  'visits.create': { input: (w) => ({ patientId: w.patientId, providerId: w.dentistId, date: '2026-03-03', time: '10:00' }), chart: true },
  'visits.update': { input: (w) => ({ id: w.visitId, version: 1, providerId: w.dentistId, date: '2026-03-02', notes: 'Ran late' }), chart: true },
  'visits.cancel': { input: (w) => ({ id: w.plannedVisitId, version: 1, reason: 'Patient called in sick' }), chart: true },
  'visits.remove': { input: (w) => ({ id: w.emptyVisitId, version: 1 }), chart: true },
  'visits.onDay': { input: (w) => ({ patientId: w.patientId, date: '2026-03-02' }) },
  'visits.history': { input: (w) => ({ id: w.visitId }) },
  'visits.get': { input: (w) => ({ id: w.visitId }) },
  'visits.listByPatient': { input: (w) => ({ patientId: w.patientId }) },
  'visits.search': { input: (w) => ({ providerId: w.dentistId, sort: 'date,desc' }) },

  // A correction, so the sample names two records: the visit and the work it corrects.
  'procedures.add': { input: (w) => ({ ...composite, visitId: w.visitId, correctsProcedureId: w.completedId }), chart: true },
  'procedures.update': { input: (w) => ({ ...composite, id: w.plannedId, version: 1, notes: 'Deep on the mesial' }), chart: true },
  'procedures.setStatus': { input: (w) => ({ id: w.plannedId, version: 1, status: 'IN_PROGRESS' }), chart: true },
  'procedures.history': { input: (w) => ({ id: w.completedId }) },
  'procedures.remove': { input: (w) => ({ id: w.plannedId, version: 1 }), chart: true },

  'feeSchedule.list': { input: () => ({}) },
  'feeSchedule.save': { input: () => ({ code: 'X100', shortName: 'Whitening tray', defaultFee: 25000, siteKind: 'arch' }) },

  'chart.get': { input: (w) => ({ patientId: w.patientId, asOf: '2026-03-02' }) },
  'findings.add': { input: (w) => ({ patientId: w.patientId, kind: 'MISSING', teeth: ['1', '16'], recordedOn: '2026-03-02' }), chart: true },
  'findings.resolve': { input: (w) => ({ id: w.findingId, version: 1, resolvedOn: '2026-03-02', notes: 'Restored with D2391' }), chart: true },
  'findings.remove': { input: (w) => ({ id: w.findingId, version: 1 }), chart: true },

  'labs.list': { input: () => ({ includeHidden: true }) },
  'labs.save': { input: () => ({ name: 'Harbour Ceramics', phone: '555-0199', email: 'cases@harbour.example', turnaroundDays: 7 }) },

  'labCases.open': { input: (w) => ({ procedureId: w.plannedId, labId: w.labId, shade: 'A3', instructions: 'Onlay, full contour', labFee: 18000 }), chart: true },
  'labCases.get': { input: (w) => ({ id: w.caseAtLabId }) },
  'labCases.update': { input: (w) => ({ id: w.caseNotSentId, version: 1, labId: w.labId, shade: 'B1', notes: 'Patient prefers a lighter shade' }), chart: true },
  'labCases.send': { input: (w) => ({ id: w.caseNotSentId, version: 1, sentDate: '2026-03-02', trackingNo: 'TRK-1' }), chart: true },
  'labCases.receive': { input: (w) => ({ id: w.caseAtLabId, version: 2, receivedDate: '2026-03-02' }), chart: true },
  'labCases.check': { input: (w) => ({ id: w.caseReceivedId, version: 3, checkedDate: '2026-03-02' }), chart: true },
  'labCases.cancel': { input: (w) => ({ id: w.caseNotSentId, version: 1, reason: 'Made chairside instead' }), chart: true },
  'labCases.board': { input: (w) => ({ labId: w.labId }) },
  'reminders.list': { input: () => ({}) },
  'reminders.dismiss': { input: (w) => ({ id: w.reminderId }) },

  'orders.create': {
    input: () => ({ supplier: 'Harbour Supplies', orderDate: '2026-03-02', items: [{ productId: 'LID-2', productName: 'Lidocaine 2%, cartridge', quantity: 50, lotNumber: 'LD-1', expiryDate: '2027-06-30' }] }),
  },
  'orders.get': { input: (w) => ({ id: w.orderId }) },
  'orders.list': { input: () => ({ status: 'ORDERED', supplier: 'henley' }) },
  'orders.update': {
    input: (w) => ({ id: w.orderId, version: 1, supplier: 'Henley Dental Supply', orderDate: '2026-03-01', notes: 'Call before delivery', items: [{ id: w.orderItemId, productId: 'CMP-A2', productName: 'Composite A2, 4 g', quantity: 12 }] }),
  },
  'orders.receive': { input: (w) => ({ id: w.orderId, version: 1, receivedDate: '2026-03-02', lots: [{ id: w.orderItemId, lotNumber: 'L2406-118', expiryDate: '2027-06-30' }] }) },
  'orders.cancel': { input: (w) => ({ id: w.orderId, version: 1, reason: 'Ordered twice' }) },
  'stock.list': { input: () => ({ includeEmpty: true }) },
  'stock.setThreshold': { input: () => ({ productId: 'CMP-A2', threshold: 5 }) },

  'closedDays.list': { input: () => ({ from: '2026-01-01' }) },
  'closedDays.add': { input: () => ({ day: '2026-12-25', note: 'Christmas Day' }) },
  'closedDays.remove': {
    input: () => ({ day: '2026-12-24' }),
    prepare: async (app, w) => {
      await app.call('closedDays.add', { day: '2026-12-24', note: 'Christmas Eve' }, w.tokens.ADMIN);
    },
  },

  'reports.procedureSummary': { input: () => ({ from: '2026-01-01', to: '2026-12-31' }) },

  'audit.list': { input: (w) => ({ patientId: w.patientId }) },
  'audit.verify': { input: () => ({}) },
};
