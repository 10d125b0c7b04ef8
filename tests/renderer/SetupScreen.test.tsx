import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { SetupScreen } from '../../renderer/features/session/SetupScreen';
import { useSession } from '../../renderer/features/session/session.store';
import { answer, callsTo, resetApi } from './apiMock';
import { sessionUser } from './fixtures';
import { renderWithProviders } from './render';

const initial = useSession.getState();

beforeEach(() => {
  resetApi();
  useSession.setState(initial, true);
  answer('setup.createPractice', { user: sessionUser({ role: 'ADMIN' }), sessionToken: 'token-1' });
});

async function fillIn(user: ReturnType<typeof renderWithProviders>['user']) {
  await user.type(screen.getByLabelText('Practice name'), 'Solo Dental');
  await user.type(screen.getByLabelText('Your name'), 'Dr. Ines Costa');
  await user.type(screen.getByLabelText('Username', { exact: false }), 'ines');
  await user.type(screen.getByLabelText('Password'), 'a long enough password');
  await user.type(screen.getByLabelText('Confirm password'), 'a long enough password');
}

describe('first-run setup', () => {
  it('asks whether the administrator also sees patients, and says so to the core', async () => {
    const { user } = renderWithProviders(<SetupScreen />);
    await fillIn(user);
    const dentist = screen.getByRole<HTMLInputElement>('checkbox', { name: 'I am also a dentist here: I see patients' });
    expect(dentist.checked).toBe(false);
    await user.click(dentist);
    await user.click(screen.getByRole('button', { name: 'Create practice' }));
    await waitFor(() => expect(callsTo('setup.createPractice')).toHaveLength(1));
    expect(callsTo('setup.createPractice')[0]).toMatchObject({ practiceName: 'Solo Dental', adminUsername: 'ines', adminIsProvider: true });
    expect(useSession.getState().phase).toBe('signedIn');
  });

  it('leaves the administrator a non-provider unless asked, and shows the currency as it will be saved', async () => {
    const { user } = renderWithProviders(<SetupScreen />);
    await fillIn(user);
    const currency = screen.getByLabelText<HTMLInputElement>('Currency');
    await user.clear(currency);
    await user.type(currency, 'eur');
    expect(currency.value).toBe('EUR');
    await user.click(screen.getByRole('button', { name: 'Create practice' }));
    await waitFor(() => expect(callsTo('setup.createPractice')).toHaveLength(1));
    expect(callsTo('setup.createPractice')[0]).toMatchObject({ currency: 'EUR', adminIsProvider: false });
  });
});
