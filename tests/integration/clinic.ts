/** A practice with a dentist, a patient and a visit: the starting point of most clinical tests. */
import { type ProcedureStatus, stepsFromPlanned } from '../../shared/domain/status';
import type { Procedure } from '../../shared/types';
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
  let labId: string | undefined;
  const lab = async () => (labId ??= (await app.call('labs.save', { name: 'Northside Dental Lab', turnaroundDays: 7 }, admin)).id);
  /** Moves a procedure to a status the way the practice does: to and from the lab through its lab case. */
  const walk = async (start: Procedure, status: ProcedureStatus): Promise<Procedure> => {
    let p = start;
    for (const step of stepsFromPlanned(status)) {
      if (step === 'SENT_TO_LAB') {
        const lc = await app.call('labCases.open', { procedureId: p.id, labId: await lab() }, dentist);
        await app.call('labCases.send', { id: lc.id, version: lc.version }, dentist);
      } else if (step === 'RECEIVED') {
        const { labCase } = await app.call('labCases.get', { procedureId: p.id }, dentist);
        await app.call('labCases.receive', { id: labCase!.id, version: labCase!.version }, dentist);
      } else {
        p = await app.call('procedures.setStatus', { id: p.id, version: p.version, status: step }, dentist);
        continue;
      }
      p = (await app.call('visits.get', { id: p.visitId }, dentist)).procedures.find((x) => x.id === p.id)!;
    }
    return p;
  };
  return { admin, dentist, providerId, patient, visit, add, lab, walk };
}
