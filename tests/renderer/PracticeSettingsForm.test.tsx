import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { ApiError } from '../../renderer/api';
import { useSession } from '../../renderer/features/session/session.store';
import { SettingsScreen } from '../../renderer/features/settings/SettingsScreen';
import type { PracticeSettings } from '../../shared/types';
import { answer, callsTo, resetApi } from './apiMock';
import { sessionUser } from './fixtures';
import { renderWithProviders } from './render';

const NOW = '2026-03-02T09:00:00.000Z';
const US = { locale: 'en-US', timeFormat: '12h', nameOrder: 'last_first' } as const;

/** The main process: the practice's settings with optimistic locking, and the session that carries them. */
function serve(role: 'ADMIN' | 'FRONT_DESK' = 'ADMIN') {
  let saved: PracticeSettings = { name: 'Harbour Dental', currency: 'USD', version: 1, ...US };
  const user = () => sessionUser({ role, practiceName: saved.name, formats: { locale: saved.locale, timeFormat: saved.timeFormat, nameOrder: saved.nameOrder } });
  useSession.setState({ phase: 'signedIn', user: user() });
  answer('practice.get', () => saved);
  answer('session.state', () => ({ needsSetup: false, user: user(), workstation: 'FRONT-1', now: NOW }));
  answer('practice.update', ({ version, ...fields }) => {
    if (version !== saved.version) throw new ApiError('CONFLICT', 'Someone else changed the practice settings a moment ago.');
    saved = { ...saved, ...fields, version: saved.version + 1 };
    return saved;
  });
  return { changeElsewhere: (fields: Partial<PracticeSettings>) => (saved = { ...saved, ...fields, version: saved.version + 1 }) };
}

beforeEach(() => resetApi());

describe('practice settings', () => {
  it('previews the choice live, saves it, and reloads the session so every screen follows', async () => {
    serve();
    const { user } = renderWithProviders(<SettingsScreen />);
    const form = await screen.findByRole('form', { name: 'Practice settings' });
    expect(within(form).getByTestId('preview-date').textContent).toBe('05/16/1994');
    expect(within(form).getByTestId('preview-time').textContent).toBe('2:30 PM');
    expect(within(form).getByTestId('preview-name').textContent).toBe('Tanaka, Maya');

    await user.click(within(form).getByRole('combobox', { name: 'Dates and money' }));
    await user.click(await screen.findByRole('option', { name: /English \(United Kingdom\)/ }));
    await user.click(within(form).getByLabelText('24-hour (14:30)'));
    await user.click(within(form).getByLabelText('First name first (Maya Tanaka)'));
    expect(within(form).getByTestId('preview-date').textContent).toBe('16/05/1994');
    expect(within(form).getByTestId('preview-long-date').textContent).toBe('16 May 1994');
    expect(within(form).getByTestId('preview-time').textContent).toBe('14:30');
    expect(within(form).getByTestId('preview-name').textContent).toBe('Maya Tanaka');
    expect(within(form).getByTestId('preview-amount').textContent).toBe('US$1,234.56');

    await user.click(within(form).getByRole('button', { name: 'Save practice settings' }));
    await waitFor(() => expect(useSession.getState().user?.formats).toEqual({ locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' }));
    expect(callsTo('practice.update')).toEqual([{ version: 1, name: 'Harbour Dental', locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' }]);
    expect(callsTo('session.state')).toHaveLength(1);
  });

  it('merges a colleague’s save: their untouched change comes in, the user’s choice stays', async () => {
    const server = serve();
    const { user } = renderWithProviders(<SettingsScreen />);
    const form = await screen.findByRole('form', { name: 'Practice settings' });
    await user.click(within(form).getByLabelText('24-hour (14:30)'));
    server.changeElsewhere({ name: 'Harbour Dental Care' });

    await user.click(within(form).getByRole('button', { name: 'Save practice settings' }));
    const alert = await within(form).findByTestId('conflict-alert');
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(within(form).getByLabelText<HTMLInputElement>('Practice name').value).toBe('Harbour Dental Care'));
    expect(within(form).getByLabelText<HTMLInputElement>('24-hour (14:30)').checked).toBe(true);
    await user.click(within(form).getByRole('button', { name: 'Save practice settings' }));
    await waitFor(() => expect(callsTo('practice.update')).toHaveLength(2));
    expect(callsTo('practice.update')[1]).toMatchObject({ version: 2, name: 'Harbour Dental Care', timeFormat: '24h' });
  });

  it('shows anyone else the formats, with no way to change them', async () => {
    serve('FRONT_DESK');
    renderWithProviders(<SettingsScreen />);
    expect((await screen.findByTestId('format-preview')).textContent).toContain('05/16/1994');
    expect(screen.getByText(/An administrator can change this in Settings/)).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Practice settings' })).toBeNull();
    expect(callsTo('practice.get')).toHaveLength(0);
  });
});
