import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { useSession } from '../../renderer/features/session/session.store';
import { NewVisitModal } from '../../renderer/features/visits/NewVisitModal';
import type { VisitSummary } from '../../shared/types';
import { answer, ApiError, callsTo, resetApi } from './apiMock';
import { IDS, providers, sessionUser, visit } from './fixtures';
import { renderWithProviders } from './render';

const OTHER = '00000000-0000-4000-8000-000000000099';
const { procedures: _p, ...existing } = visit([], { date: '2026-03-02', time: '09:30' });
const created: VisitSummary = { ...existing, id: OTHER };

function renderDialog() {
  const onCreated = vi.fn();
  const view = renderWithProviders(<NewVisitModal opened patientId={IDS.patient} defaultProviderId={IDS.dentist} onClose={() => {}} onCreated={onCreated} />);
  return { ...view, onCreated };
}
const dateField = () => screen.getByLabelText<HTMLInputElement>('Date');
const setDate = (iso: string) => fireEvent.change(dateField(), { target: { value: iso } });

beforeEach(() => {
  resetApi();
  useSession.setState({ phase: 'signedIn', user: sessionUser() });
  answer('users.providers', providers);
  answer('visits.onDay', (input) => (input.date === '2026-03-02' ? [existing] : []));
  answer('visits.create', (input) => {
    if (input.date === '2026-03-02' && !input.confirmSameDay) {
      throw new ApiError('NEEDS_CONFIRMATION', 'Maya Tanaka already has a visit on 2026-03-02.', [{ path: 'date', message: 'Already has a visit on 2026-03-02 at 09:30 with Dr. Noor Haddad.' }]);
    }
    return created;
  });
});

describe('new visit dialog', () => {
  it('opens with focus on its first field, so Enter does not close it', async () => {
    renderDialog();
    await waitFor(() => expect(document.activeElement).toBe(dateField()));
  });

  it('warns about another visit that day, links to it, and creates a second one only when ticked', async () => {
    const { user, onCreated } = renderDialog();
    setDate('2026-03-02');
    const warning = await screen.findByTestId('same-day-warning');
    expect(warning.textContent).toContain('Maya Tanaka already has a visit that day');
    expect(warning.textContent).toContain('03/02/2026 at 09:30 with Dr. Noor Haddad');
    expect(within(warning).getByRole('link', { name: 'Open that visit' }).getAttribute('href')).toMatch(new RegExp(`/visits/${IDS.visit}$`));

    await user.click(screen.getByRole('button', { name: 'Create visit' }));
    expect(await within(warning).findByText('Tick this to go ahead, or open the other visit.')).toBeTruthy();
    expect(callsTo('visits.create')).toHaveLength(0);

    await user.click(within(warning).getByLabelText('Create a second visit that day'));
    await user.click(screen.getByRole('button', { name: 'Create visit' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsTo('visits.create')).toEqual([expect.objectContaining({ date: '2026-03-02', confirmSameDay: true, providerId: IDS.dentist })]);
  });

  it('a different day asks nothing and sends no confirmation', async () => {
    const { user, onCreated } = renderDialog();
    setDate('2026-03-03');
    await user.click(screen.getByRole('button', { name: 'Create visit' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('same-day-warning')).toBeNull();
    expect(callsTo('visits.create')).toEqual([expect.objectContaining({ date: '2026-03-03', confirmSameDay: false })]);
  });

  it('takes the core’s NEEDS_CONFIRMATION answer as the same warning', async () => {
    // This screen has not heard of the other visit yet (made a moment ago elsewhere).
    answer('visits.onDay', []);
    const { user, onCreated } = renderDialog();
    setDate('2026-03-02');
    await user.click(screen.getByRole('button', { name: 'Create visit' }));
    const warning = await screen.findByTestId('same-day-warning');
    expect(warning.textContent).toContain('Already has a visit on 2026-03-02 at 09:30 with Dr. Noor Haddad.');
    expect(onCreated).not.toHaveBeenCalled();

    await user.click(within(warning).getByLabelText('Create a second visit that day'));
    await user.click(screen.getByRole('button', { name: 'Create visit' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsTo('visits.create').at(-1)).toMatchObject({ confirmSameDay: true });
  });

  it('a confirmation belongs to its date: another date asks again', async () => {
    answer('visits.onDay', (input) => (input.date === '2026-03-02' || input.date === '2026-03-09' ? [{ ...existing, date: input.date }] : []));
    const { user } = renderDialog();
    setDate('2026-03-02');
    const warning = await screen.findByTestId('same-day-warning');
    await user.click(within(warning).getByLabelText('Create a second visit that day'));
    setDate('2026-03-09');
    await waitFor(() => expect(screen.getByTestId('same-day-warning').textContent).toContain('03/09/2026'));
    expect(within(screen.getByTestId('same-day-warning')).getByLabelText<HTMLInputElement>('Create a second visit that day').checked).toBe(false);
  });
});
