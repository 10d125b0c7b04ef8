import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { useSession } from '../../renderer/features/session/session.store';
import { VisitPage } from '../../renderer/features/visits/VisitPage';
import type { Procedure, SessionUser, VisitDetails } from '../../shared/types';
import { answer, callsTo, resetApi } from './apiMock';
import { IDS, patient, procedure, providers, sessionUser, visit } from './fixtures';
import { renderWithProviders } from './render';

const ARCHIVED = '2026-03-10T12:00:00.000Z';

function serve(v: VisitDetails) {
  answer('visits.get', v);
  answer('patients.get', patient({ archivedAt: v.patientArchivedAt }));
  answer('users.providers', providers);
}
function as(overrides: Partial<SessionUser> = {}) {
  useSession.setState({ phase: 'signedIn', user: sessionUser(overrides) });
}
const button = (name: string) => screen.queryByRole('button', { name });

beforeEach(() => {
  resetApi();
  as();
});

describe('an archived patient’s visit', () => {
  it('is read-only, and says why and who can restore the patient', async () => {
    serve(visit([procedure()], { patientArchivedAt: ARCHIVED }));
    renderWithProviders(<VisitPage id={IDS.visit} />);
    const notice = await screen.findByTestId('visit-read-only');
    expect(notice.textContent).toContain('Maya Tanaka is archived, so this visit is read-only. An administrator can restore the patient from the patient page.');
    const row = screen.getByTestId('procedure-row');
    for (const name of ['Edit', 'Start', 'Cancel', 'Remove']) expect(within(row).queryByRole('button', { name })).toBeNull();
    for (const name of ['Add procedure', 'Edit visit', 'Cancel visit', 'Remove visit']) expect(button(name)).toBeNull();
    // Reading stays open.
    expect(within(row).getByRole('button', { name: 'Details' })).toBeTruthy();
  });

  it('tells an administrator that they can restore the patient', async () => {
    as({ role: 'ADMIN' });
    serve(visit([procedure()], { patientArchivedAt: ARCHIVED }));
    renderWithProviders(<VisitPage id={IDS.visit} />);
    expect((await screen.findByTestId('visit-read-only')).textContent).toContain('You can restore the patient from the patient page.');
  });
});

describe('what the visit offers', () => {
  const planned = procedure();
  const started = procedure({ id: IDS.cancelled, code: 'D0220', status: 'IN_PROGRESS' });
  const cancelled = procedure({ id: IDS.cancelled, code: 'D0220', status: 'CANCELLED' });
  it.each<[string, Procedure[], boolean, boolean]>([
    ['all planned', [planned], true, true],
    ['no procedures', [], false, true],
    ['work started', [planned, started], false, false],
    ['planned and cancelled', [planned, cancelled], true, false],
    ['all cancelled', [cancelled], false, false],
  ])('%s: Cancel visit %s, Remove visit %s', async (_label, procedures, canCancel, canRemove) => {
    serve(visit(procedures));
    renderWithProviders(<VisitPage id={IDS.visit} />);
    await screen.findByRole('button', { name: 'Edit visit' });
    expect(Boolean(button('Cancel visit'))).toBe(canCancel);
    expect(Boolean(button('Remove visit'))).toBe(canRemove);
  });

  it('an empty visit tells the front desk what happens, not to use a button it lacks', async () => {
    as({ role: 'FRONT_DESK', id: IDS.frontDesk });
    serve(visit([]));
    renderWithProviders(<VisitPage id={IDS.visit} />);
    expect(await screen.findByText(/The dentist, hygienist or assistant adds the planned work here/)).toBeTruthy();
    expect(screen.queryByText(/Add procedure/)).toBeNull();
    expect(button('Remove visit')).toBeTruthy();
  });

  it('an empty visit tells a dentist to use “Add procedure”', async () => {
    serve(visit([]));
    renderWithProviders(<VisitPage id={IDS.visit} />);
    expect(await screen.findByText('Add what is planned or done in this visit with “Add procedure”.')).toBeTruthy();
    expect(button('Add procedure')).toBeTruthy();
  });

  it('a cancelled visit shows why, who and when', async () => {
    serve(visit([cancelled], { status: 'CANCELLED' }));
    answer('visits.history', [
      { seq: 3, at: '2026-03-02T10:00:00.000Z', userName: 'Pat Quinn', workstation: 'FRONT-1', entity: 'visit', action: 'cancel', before: { status: 'PLANNED' }, after: { status: 'CANCELLED', reason: 'Patient phoned in sick', cancelledProcedures: [IDS.cancelled] } },
    ]);
    renderWithProviders(<VisitPage id={IDS.visit} />);
    const reason = await screen.findByTestId('visit-cancel-reason');
    expect(reason.textContent).toContain('“Patient phoned in sick”');
    expect(reason.textContent).toContain('by Pat Quinn');
  });
});

describe('one format', () => {
  it('writes the date, time, name and money as the practice chose', async () => {
    as({ formats: { locale: 'en-GB', timeFormat: '12h', nameOrder: 'last_first' } });
    serve(visit([procedure()], { time: '14:30' }));
    renderWithProviders(<VisitPage id={IDS.visit} />);
    expect((await screen.findByTestId('visit-when')).textContent).toBe('2 Mar 2026 at 2:30 pm');
    expect(screen.getByText('Tanaka, Maya')).toBeTruthy();
    expect(screen.getByTestId('visit-total').textContent).toBe('US$390.00');
  });
});

describe('procedure details', () => {
  it('every row opens its details: notes, and the history in words', async () => {
    serve(visit([procedure({ notes: 'Deep caries, indirect pulp cap', unitFee: 21000, quantity: 1, status: 'IN_PROGRESS', startedAt: '2026-03-02T09:40:00.000Z' })]));
    answer('procedures.history', [
      { seq: 1, at: '2026-03-02T09:00:00.000Z', userName: 'Ada Admin', workstation: 'FRONT-1', entity: 'procedure', action: 'create', before: null, after: procedure() },
      { seq: 2, at: '2026-03-02T09:10:00.000Z', userName: 'Dr. Noor Haddad', workstation: 'OP-2', entity: 'procedure', action: 'update', before: procedure({ unitFee: 19500 }), after: procedure({ unitFee: 21000 }) },
      { seq: 3, at: '2026-03-02T09:40:00.000Z', userName: 'Dr. Noor Haddad', workstation: 'OP-2', entity: 'procedure', action: 'status', before: { status: 'PLANNED' }, after: { status: 'IN_PROGRESS' } },
    ]);
    answer('labCases.get', { labCase: null });
    const { user } = renderWithProviders(<VisitPage id={IDS.visit} />);
    const row = await screen.findByTestId('procedure-row');
    expect(within(row).getByTestId('procedure-notes-hint').textContent).toContain('Deep caries, indirect pulp cap');

    // The row itself, from the keyboard.
    row.focus();
    await user.keyboard('{Enter}');
    const detail = await screen.findByTestId('procedure-detail');
    expect(within(detail).getByTestId('detail-fee').textContent).toBe('$210.00');
    expect(within(detail).getByTestId('detail-notes').textContent).toContain('Deep caries, indirect pulp cap');
    await waitFor(() => expect(within(detail).getAllByTestId('history-entry')).toHaveLength(3));
    const lines = within(detail).getAllByTestId('history-entry').map((e) => e.textContent);
    expect(lines[0]).toMatch(/ — Ada Admin at FRONT-1: Added$/);
    expect(lines[1]).toMatch(/ — Dr\. Noor Haddad at OP-2: Changed fee from \$195\.00 to \$210\.00$/);
    expect(lines[2]).toMatch(/^03\/02\/2026, \d\d:40 — Dr\. Noor Haddad at OP-2: Moved to In progress$/);
    await waitFor(() => expect(within(detail).getByTestId('detail-lab').textContent).toContain('No lab case.'));
    for (const section of ['detail-claim', 'detail-corrections']) expect(within(detail).getByTestId(section).textContent).toContain('None yet');
    expect(callsTo('procedures.history')).toContainEqual({ id: IDS.procedure });
  });
});
