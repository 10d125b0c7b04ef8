import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { birthDateExamples, PatientsScreen } from '../../renderer/features/patients/PatientsScreen';
import { usePatientsUi } from '../../renderer/features/patients/patients.store';
import { useSession } from '../../renderer/features/session/session.store';
import { createFormatter } from '../../renderer/lib/format';
import { answer, resetApi } from './apiMock';
import { patient, sessionUser } from './fixtures';
import { renderWithProviders } from './render';

beforeEach(() => {
  resetApi();
  usePatientsUi.setState({ query: '', includeArchived: false, page: 1 });
});

describe('the patient search hint', () => {
  it.each([
    ['en-US', '05/16/1994 or May 16, 1994'],
    ['en-GB', '16/05/1994 or 16 May 1994'],
    ['de-DE', '16.05.1994 or 16 May 1994'],
    ['sv-SE', '1994-05-16 or 16 May 1994'],
  ])('writes the dates of birth the box reads as %s does: %s', (locale, examples) => {
    expect(birthDateExamples(createFormatter({ locale, timeFormat: '24h', nameOrder: 'first_last' }))).toBe(examples);
  });
});

describe('the patients screen', () => {
  it('lists patients with date of birth and phone as the practice writes them, archived ones marked', async () => {
    useSession.setState({ phase: 'signedIn', user: sessionUser({ role: 'FRONT_DESK', formats: { locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' } }) });
    answer('patients.search', {
      items: [patient({ dateOfBirth: '1994-05-16', phone: '(555) 867-5309' }), patient({ id: '00000000-0000-4000-8000-000000000011', firstName: 'Omar', lastName: 'Okafor', archivedAt: '2026-03-02T09:00:00.000Z' })],
      total: 2, page: 1, size: 25,
    });
    renderWithProviders(<PatientsScreen />);

    const rows = await screen.findAllByTestId('patient-row');
    expect(rows[0]!.textContent).toContain('Maya Tanaka');
    expect(rows[0]!.textContent).toContain('16/05/1994');
    expect(rows[0]!.textContent).toContain('(555) 867-5309');
    expect(rows[0]!.textContent).not.toContain('Archived');
    expect(rows[1]!.textContent).toContain('Omar Okafor');
    expect(rows[1]!.textContent).toContain('Archived');
    expect(screen.getByLabelText('Search patients').getAttribute('placeholder')).toBe('Name, chart no., phone or date of birth');
    expect(screen.getByText(/date of birth: 16\/05\/1994 or 16 May 1994/)).toBeTruthy();
  });
});
