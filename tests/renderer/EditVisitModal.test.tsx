import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { useSession } from '../../renderer/features/session/session.store';
import { EditVisitModal } from '../../renderer/features/visits/EditVisitModal';
import type { Provider, VisitDetails } from '../../shared/types';
import { answer, ApiError, callsTo, resetApi } from './apiMock';
import { IDS, procedure, providers, sessionUser, visit } from './fixtures';
import { renderWithProviders } from './render';

const LENA: Provider = { id: IDS.frontDesk, displayName: 'Dr. Lena Ortiz', role: 'DENTIST' };

function renderForm(v: VisitDetails) {
  const onClose = vi.fn();
  const view = renderWithProviders(<EditVisitModal opened visit={v} onClose={onClose} />);
  return { ...view, onClose };
}
/** visits.update answers CONFLICT until the form sends the saved version. */
function colleagueSaved(saved: VisitDetails) {
  answer('visits.get', saved);
  answer('visits.update', (input) => {
    if (input.version !== saved.version) throw new ApiError('CONFLICT', 'This visit was changed by someone else.');
    return { ...saved, version: saved.version + 1 };
  });
}

beforeEach(() => {
  resetApi();
  useSession.setState({ phase: 'signedIn', user: sessionUser() });
  answer('users.providers', [...providers, LENA]);
  answer('visits.onDay', []);
});

describe('edit visit', () => {
  it('merges a colleague’s provider change and keeps the user’s notes, naming the provider in words', async () => {
    colleagueSaved(visit([procedure()], { providerId: LENA.id, providerName: LENA.displayName, version: 2 }));
    const { user, onClose } = renderForm(visit([procedure()]));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Date')));
    await user.type(screen.getByLabelText('Notes'), 'Bring the night guard');
    await user.click(screen.getByRole('button', { name: 'Save visit' }));

    const alert = await screen.findByTestId('conflict-alert');
    expect(alert.textContent).toContain('Someone else changed this visit a moment ago.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save visit' }).disabled).toBe(true);
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(alert.textContent).toContain('Their changes are now in the form (Provider)'));
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Provider' }).value).toBe('Dr. Lena Ortiz (Dentist)');

    await user.click(screen.getByRole('button', { name: 'Save visit' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(callsTo('visits.update').at(-1)).toMatchObject({ version: 2, providerId: LENA.id, notes: 'Bring the night guard', time: '09:30', confirmSameDay: false });
  });

  it('a time both changed is chosen side by side, as the practice writes times', async () => {
    colleagueSaved(visit([procedure()], { time: '11:00', version: 2 }));
    const { user } = renderForm(visit([procedure()]));
    const time = screen.getByLabelText<HTMLInputElement>('Time');
    await user.clear(time);
    await user.type(time, '14:30');
    await user.click(screen.getByRole('button', { name: 'Save visit' }));
    await user.click(within(await screen.findByTestId('conflict-alert')).getByRole('button', { name: 'Reload' }));
    const clash = await screen.findByRole('group', { name: 'Time: yours or theirs' });
    expect(within(clash).getByRole('button', { name: 'Keep yours: 14:30' })).toBeTruthy();
    expect(screen.getByTestId('save-blocked').textContent).toBe('Choose yours or theirs for Time before saving.');
    await user.click(within(clash).getByRole('button', { name: 'Use theirs: 11:00' }));
    expect(time.value).toBe('11:00');
  });

  it('shows the core’s LOCKED answer above the form', async () => {
    answer('visits.update', () => {
      throw new ApiError('LOCKED', 'This visit has procedures on submitted claim C-1001: its date and provider cannot change.');
    });
    const { user } = renderForm(visit([procedure()]));
    await user.click(screen.getByRole('button', { name: 'Save visit' }));
    expect(await screen.findByText('This visit has procedures on submitted claim C-1001: its date and provider cannot change.')).toBeTruthy();
  });
});
