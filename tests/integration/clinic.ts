/** A practice with a dentist, a patient and a visit: the starting point of most clinical tests. */
import type { TestApp } from './harness';

export async function clinic(app: TestApp) {
  const admin = await app.setup();
  const dentist = await app.signInAs(admin, 'DENTIST');
  const providerId = (await app.call('users.providers', {}, admin))[0]!.id;
  const patient = await app.call('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, admin);
  const visit = await app.call('visits.create', { patientId: patient.id, providerId, date: '2026-03-02', time: '09:30' }, admin);
  // The default is a one-surface composite, charted where the fee schedule says it goes.
  const site = (fields: Record<string, unknown>) => ('code' in fields || 'toothNumber' in fields || 'area' in fields ? {} : { toothNumber: '19', surfaces: ['O'] });
  const add = (fields: Record<string, unknown> = {}) =>
    app.call('procedures.add', { visitId: visit.id, code: 'D2391', name: 'Composite, one surface', unitFee: 19500, ...site(fields), ...fields }, dentist);
  return { admin, dentist, providerId, patient, visit, add };
}
