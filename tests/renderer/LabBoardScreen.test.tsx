import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { LabBoardScreen } from '../../renderer/features/labs/LabBoardScreen';
import { OverdueLabs } from '../../renderer/features/labs/OverdueLabs';
import { useSession } from '../../renderer/features/session/session.store';
import { BOARD_COLUMNS } from '../../shared/domain/lab-cases';
import type { LabBoard, LabBoardCard, LabBoardColumn } from '../../shared/types';
import { answer, callsTo, resetApi } from './apiMock';
import { IDS, providers, sessionUser } from './fixtures';
import { renderWithProviders } from './render';

const LAB_ID = '00000000-0000-4000-8000-000000000040';

function card(id: string, overrides: Partial<LabBoardCard> = {}): LabBoardCard {
  return {
    id, stage: 'AT_LAB', labId: LAB_ID, labName: 'Northside Dental Lab', labPhone: null, sentDate: '2026-03-02', dueDate: '2026-03-09',
    receivedDate: null, checkedDate: null, cancelledDate: null, cancelReason: null, trackingNo: 'TRK-1', shade: 'A2', instructions: null, notes: null, labFee: null,
    procedure: { id: IDS.procedure, code: 'D2740', name: 'Crown, porcelain/ceramic', toothNumber: '3', surfaces: [], area: null, status: 'SENT_TO_LAB', lockedByClaim: null, version: 3 },
    visitId: IDS.visit, visitDate: '2026-03-02', patientId: IDS.patient, patientFirstName: 'Maya', patientLastName: 'Tanaka', chartNumber: '1001', patientArchivedAt: null,
    providerId: IDS.dentist, providerName: 'Dr. Noor Haddad', version: 2, createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z', daysOverdue: 0,
    ...overrides,
  };
}

function board(columns: Partial<Record<LabBoardColumn, { count: number; cards: LabBoardCard[] }>>): LabBoard {
  return { today: '2026-03-12', columns: Object.fromEntries(BOARD_COLUMNS.map((k) => [k, columns[k] ?? { count: 0, cards: [] }])) as LabBoard['columns'] };
}

beforeEach(() => {
  resetApi();
  useSession.setState({ phase: 'signedIn', user: sessionUser({ role: 'FRONT_DESK' }) });
  answer('labs.list', [{ id: LAB_ID, name: 'Northside Dental Lab', phone: null, email: null, address: null, notes: null, turnaroundDays: 5, hidden: false, version: 1 }]);
  answer('users.providers', providers);
});

describe('the lab board', () => {
  it('shows each column with its count, late cards with their days overdue, and says when a column holds more', async () => {
    const late = card('00000000-0000-4000-8000-000000000051', { daysOverdue: 3 });
    answer('labCases.board', board({ overdue: { count: 120, cards: [late] }, atLab: { count: 1, cards: [card('00000000-0000-4000-8000-000000000052', { dueDate: '2026-03-20' })] } }));
    renderWithProviders(<LabBoardScreen />);
    const overdue = await screen.findByTestId('column-overdue');
    expect(within(overdue).getByTestId('column-count').textContent).toBe('120');
    expect(within(overdue).getByTestId('days-overdue').textContent).toBe('3 days overdue');
    expect(within(overdue).getByText(/and 119 more/)).toBeTruthy();
    expect(within(overdue).getByRole('link', { name: 'Tooth 3 · D2740' }).getAttribute('href')).toContain(`/visits/${IDS.visit}/procedures/${IDS.procedure}`);
    expect(within(screen.getByTestId('column-atLab')).queryByTestId('days-overdue')).toBeNull();
    expect(screen.getByText('121 cases in flight on Mar 12, 2026')).toBeTruthy();
  });

  it('asks the core again when a lab is picked', async () => {
    answer('labCases.board', board({}));
    const { user } = renderWithProviders(<LabBoardScreen />);
    await screen.findByText('No lab work in flight');
    await user.click(screen.getByRole('combobox', { name: 'Lab' }));
    await user.click(await screen.findByRole('option', { name: 'Northside Dental Lab' }));
    await waitFor(() => expect(callsTo('labCases.board').at(-1)).toEqual({ labId: LAB_ID, providerId: null, limit: 100 }));
    expect(await screen.findByText('No lab work in flight for this filter')).toBeTruthy();
  });
});

describe('the home screen’s lab line', () => {
  it('counts overdue cases and those due today, or says nothing is late', async () => {
    answer('labCases.board', board({ overdue: { count: 2, cards: [] }, dueToday: { count: 1, cards: [] } }));
    const first = renderWithProviders(<OverdueLabs />);
    expect((await screen.findByTestId('overdue-labs')).textContent).toContain('2 lab cases are overdue. 1 case is due back today.');
    expect(callsTo('labCases.board')).toEqual([{ limit: 1 }]);
    first.unmount();
    resetApi();
    answer('labCases.board', board({}));
    renderWithProviders(<OverdueLabs />);
    expect((await screen.findByTestId('overdue-labs')).textContent).toContain('No lab work overdue.');
  });
});
