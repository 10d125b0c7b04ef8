import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { ApiError } from '../../renderer/api';
import { useSession } from '../../renderer/features/session/session.store';
import { UsersScreen } from '../../renderer/features/settings/UsersScreen';
import type { User } from '../../shared/types';
import { answer, callsTo, resetApi } from './apiMock';
import { IDS, sessionUser } from './fixtures';
import { renderWithProviders } from './render';

const STAMP = '2026-03-02T12:00:00.000Z';

function staff(overrides: Partial<User>): User {
  return { id: IDS.frontDesk, username: 'pat', displayName: 'Pat Quinn', role: 'FRONT_DESK', active: true, provider: false, lockedMinutes: 0, version: 1, createdAt: STAMP, ...overrides };
}

const ada = staff({ id: IDS.tenant, username: 'ada', displayName: 'Ada Admin', role: 'ADMIN' });
const noor = staff({ id: IDS.dentist, username: 'noor', displayName: 'Dr. Noor Haddad', role: 'DENTIST', provider: true });

beforeEach(() => {
  resetApi();
  useSession.setState({ phase: 'signedIn', user: sessionUser({ id: IDS.tenant, role: 'ADMIN', formats: { locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' } }) });
});

describe('the users screen', () => {
  it('shows who sees patients, who is locked out, and unlocks without a new password', async () => {
    let pat = staff({ lockedMinutes: 14 });
    answer('users.list', () => [ada, noor, pat]);
    answer('users.unlock', () => (pat = { ...pat, lockedMinutes: 0 }));
    const { user } = renderWithProviders(<UsersScreen />);

    const rows = await screen.findAllByTestId('user-row');
    expect(rows.map((r) => within(r).queryByTestId('provider-yes') !== null)).toEqual([false, true, false]);
    expect(rows[0]!.textContent).toContain('added 02/03/2026');
    const locked = rows[2]!;
    expect(locked.textContent).toContain('Locked out (14 min)');
    expect(within(locked).getByRole('button', { name: 'Reset password for Pat Quinn' })).toBeTruthy();
    await user.click(within(locked).getByRole('button', { name: 'Unlock Pat Quinn' }));
    await waitFor(() => expect(screen.getAllByTestId('user-row')[2]!.textContent).not.toContain('Locked out'));
    expect(callsTo('users.unlock')).toEqual([{ id: IDS.frontDesk }]);
    expect(screen.queryByRole('button', { name: 'Unlock Pat Quinn' })).toBeNull();
  });

  it('says when nobody sees patients, and how an administrator fixes it', async () => {
    answer('users.list', [ada, staff({})]);
    renderWithProviders(<UsersScreen />);
    expect((await screen.findByTestId('no-provider')).textContent).toContain('Add a dentist in Users, or mark yourself as a provider.');
  });

  it('offers the provider choice to administrators only, and sends it only for them', async () => {
    answer('users.list', [ada, noor]);
    answer('users.create', (input) => staff({ id: IDS.patient, username: input.username, displayName: input.displayName, role: input.role, provider: input.provider ?? false }));
    const { user } = renderWithProviders(<UsersScreen />);
    await user.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog');
    const provider = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Provider (sees patients)' });
    expect(provider.disabled).toBe(true);
    expect(provider.checked).toBe(false);
    expect(dialog.textContent).toContain('The front desk is never a visit’s provider.');

    await user.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Dentist' }));
    expect(provider.disabled).toBe(true);
    expect(provider.checked).toBe(true);
    expect(dialog.textContent).toContain('A dentist always sees patients.');

    await user.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Administrator' }));
    // An administrator's is a choice; it starts from what the role before gave.
    expect(provider.disabled).toBe(false);
    expect(provider.checked).toBe(true);
    await user.click(provider);
    expect(provider.checked).toBe(false);
    await user.click(provider);
    await user.type(within(dialog).getByLabelText('Name'), 'Dr. Lena Weber');
    await user.type(within(dialog).getByLabelText('Username', { exact: false }), 'lena');
    await user.type(within(dialog).getByLabelText('Password'), 'a long enough password');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(callsTo('users.create')).toHaveLength(1));
    expect(callsTo('users.create')[0]).toMatchObject({ role: 'ADMIN', provider: true, username: 'lena' });
  });

  it('merges a colleague’s change into the edit form after a conflict', async () => {
    let saved = staff({});
    answer('users.list', () => [ada, saved]);
    answer('users.update', (input) => {
      if (input.version !== saved.version) throw new ApiError('CONFLICT', 'Someone else changed this user a moment ago.');
      saved = { ...saved, displayName: input.displayName, role: input.role, active: input.active, version: saved.version + 1 };
      return saved;
    });
    const { user } = renderWithProviders(<UsersScreen />);
    await user.click(await screen.findByRole('button', { name: 'Edit Pat Quinn' }));
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText<HTMLInputElement>('Name');
    await user.clear(name);
    await user.type(name, 'Patricia Quinn');
    saved = { ...saved, role: 'ASSISTANT', version: 2 };

    await user.click(within(dialog).getByRole('button', { name: 'Save user' }));
    const alert = await within(dialog).findByTestId('conflict-alert');
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save user' }).disabled).toBe(true);
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(within(dialog).getByRole<HTMLInputElement>('combobox', { name: 'Role' }).value).toBe('Assistant'));
    expect(name.value).toBe('Patricia Quinn');
    await user.click(within(dialog).getByRole('button', { name: 'Save user' }));
    await waitFor(() => expect(callsTo('users.update')).toHaveLength(2));
    expect(callsTo('users.update')[1]).toMatchObject({ displayName: 'Patricia Quinn', role: 'ASSISTANT', version: 2 });
    expect(callsTo('users.update')[1]).not.toHaveProperty('provider', true);
  });
});
