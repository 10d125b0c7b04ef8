import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { PatientPage } from '../../renderer/features/patients/PatientPage';
import { useSession } from '../../renderer/features/session/session.store';
import type { Role } from '../../shared/domain/roles';
import { answer, callsTo, resetApi } from './apiMock';
import { IDS, patient, providers, sessionUser } from './fixtures';
import { renderWithProviders } from './render';

// Midday UTC: the same day in every time zone the tests may run in.
const ARCHIVED_AT = '2026-03-02T12:00:00.000Z';

function signedInAs(role: Role, formats = sessionUser().formats) {
  useSession.setState({ phase: 'signedIn', user: sessionUser({ role, formats }) });
}

beforeEach(() => {
  resetApi();
  answer('users.providers', providers);
  answer('visits.listByPatient', { items: [], total: 0, page: 1, size: 25 });
});

describe('an archived patient’s page', () => {
  it.each<Role>(['DENTIST', 'FRONT_DESK', 'HYGIENIST'])('offers %s nothing to change, and says why', async (role) => {
    signedInAs(role);
    answer('patients.get', patient({ archivedAt: ARCHIVED_AT }));
    renderWithProviders(<PatientPage id={IDS.patient} />);

    const notice = await screen.findByTestId('archived-notice');
    expect(notice.textContent).toContain('Archived on 03/02/2026: the chart is read-only.');
    expect(notice.textContent).toContain('An administrator can restore Maya Tanaka');
    for (const action of ['Edit', 'New visit', 'Archive', 'Restore']) {
      expect(screen.queryByRole('button', { name: action })).toBeNull();
    }
    expect(screen.getByTestId('patient-archived-badge')).toBeTruthy();
    expect(screen.getByText('None were recorded before they were archived.')).toBeTruthy();
  });

  it('offers an administrator only Restore, which sends the version read', async () => {
    signedInAs('ADMIN');
    let saved = patient({ archivedAt: ARCHIVED_AT, version: 4 });
    answer('patients.get', () => saved);
    answer('patients.restore', () => (saved = { ...saved, archivedAt: null, version: 5 }));
    const { user } = renderWithProviders(<PatientPage id={IDS.patient} />);

    await screen.findByTestId('archived-notice');
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore patient' }));
    await waitFor(() => expect(screen.queryByTestId('archived-notice')).toBeNull());
    expect(callsTo('patients.restore')).toEqual([{ id: IDS.patient, version: 4 }]);
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
  });
});

describe('a patient’s page', () => {
  it('writes the name, date of birth, visit times and totals as the practice chose', async () => {
    signedInAs('DENTIST', { locale: 'en-GB', timeFormat: '24h', nameOrder: 'last_first' });
    answer('patients.get', patient({ dateOfBirth: '1994-05-16' }));
    answer('visits.listByPatient', {
      items: [{
        id: IDS.visit, patientId: IDS.patient, patientName: 'Tanaka, Maya', patientFirstName: 'Maya', patientLastName: 'Tanaka', patientArchivedAt: null,
        chartNumber: '1001', appointmentId: null, providerId: IDS.dentist, providerName: 'Dr. Noor Haddad', date: '2026-03-02', time: '14:30', notes: null,
        status: 'PLANNED', procedureCount: 1, totalCost: 19500, currency: 'USD', version: 1, createdAt: ARCHIVED_AT, updatedAt: ARCHIVED_AT,
      }],
      total: 1, page: 1, size: 25,
    });
    renderWithProviders(<PatientPage id={IDS.patient} />);

    expect((await screen.findByTestId('patient-name')).textContent).toBe('Tanaka, Maya');
    expect(screen.getByTestId('patient-born').textContent).toContain('16/05/1994');
    const row = await screen.findByTestId('visit-row');
    expect(row.textContent).toContain('02/03/2026 14:30');
    expect(row.textContent).toContain('US$195.00');
  });

  it('says there is nobody to see the patient, with the way out for an administrator', async () => {
    signedInAs('ADMIN');
    answer('users.providers', []);
    answer('patients.get', patient());
    renderWithProviders(<PatientPage id={IDS.patient} />);
    const notice = await screen.findByTestId('no-provider');
    expect(notice.textContent).toContain('Add a dentist in Users, or mark yourself as a provider.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'New visit' }).disabled).toBe(true);
  });

  it('tells anyone else to ask an administrator', async () => {
    signedInAs('FRONT_DESK');
    answer('users.providers', []);
    answer('patients.get', patient());
    renderWithProviders(<PatientPage id={IDS.patient} />);
    const notice = await screen.findByTestId('no-provider');
    expect(notice.textContent).toContain('Ask an administrator to add a dentist.');
    expect(notice.textContent).not.toContain('mark yourself');
    // The front desk starts visits; the procedures are the clinicians'.
    expect(screen.getByText('Start a visit for today with “New visit”; the dentist or hygienist adds the procedures.')).toBeTruthy();
  });
});
