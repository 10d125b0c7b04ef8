/** Records as the main process answers them, with fixed ids and dates. */
import type { Patient, Procedure, Provider, SessionUser, VisitDetails } from '../../shared/types';

export const IDS = {
  tenant: '00000000-0000-4000-8000-000000000001',
  dentist: '00000000-0000-4000-8000-000000000002',
  frontDesk: '00000000-0000-4000-8000-000000000003',
  patient: '00000000-0000-4000-8000-000000000010',
  visit: '00000000-0000-4000-8000-000000000020',
  procedure: '00000000-0000-4000-8000-000000000030',
  cancelled: '00000000-0000-4000-8000-000000000031',
} as const;

const STAMP = '2026-03-02T09:00:00.000Z';

export function sessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: IDS.dentist,
    tenantId: IDS.tenant,
    username: 'noor',
    displayName: 'Dr. Noor Haddad',
    role: 'DENTIST',
    practiceName: 'Harbour Dental',
    currency: 'USD',
    formats: { locale: 'en-US', timeFormat: '24h', nameOrder: 'first_last' },
    ...overrides,
  };
}

export const providers: Provider[] = [{ id: IDS.dentist, displayName: 'Dr. Noor Haddad', role: 'DENTIST' }];

export function patient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: IDS.patient,
    chartNumber: '1001',
    firstName: 'Maya',
    lastName: 'Tanaka',
    dateOfBirth: '1979-11-30',
    phone: '555-0100',
    email: null,
    alerts: null,
    archivedAt: null,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function procedure(overrides: Partial<Procedure> = {}): Procedure {
  return {
    id: IDS.procedure,
    visitId: IDS.visit,
    code: 'D2391',
    name: 'Composite, one surface',
    toothNumber: '19',
    surfaces: ['O'],
    area: null,
    quantity: 2,
    unitFee: 19500,
    durationMinutes: null,
    performedById: IDS.dentist,
    performedByName: 'Dr. Noor Haddad',
    status: 'PLANNED',
    startedAt: null,
    completedAt: null,
    correctsProcedureId: null,
    notes: null,
    lockedByClaim: null,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function visit(procedures: Procedure[] = [procedure()], overrides: Partial<VisitDetails> = {}): VisitDetails {
  return {
    id: IDS.visit,
    patientId: IDS.patient,
    patientName: 'Tanaka, Maya',
    patientFirstName: 'Maya',
    patientLastName: 'Tanaka',
    patientArchivedAt: null,
    chartNumber: '1001',
    appointmentId: null,
    providerId: IDS.dentist,
    providerName: 'Dr. Noor Haddad',
    date: '2026-03-02',
    time: '09:30',
    notes: null,
    status: 'PLANNED',
    procedureCount: procedures.filter((p) => p.status !== 'CANCELLED').length,
    totalCost: procedures.filter((p) => p.status !== 'CANCELLED').reduce((sum, p) => sum + p.unitFee * p.quantity, 0),
    currency: 'USD',
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    procedures,
    ...overrides,
  };
}
