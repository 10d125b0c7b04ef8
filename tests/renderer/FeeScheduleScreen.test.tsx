import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));
// The app shows toasts in its frame; here they are only recorded.
const toasts = vi.hoisted(() => ({ success: vi.fn() }));
vi.mock('../../renderer/lib/notify', async (actual) => ({ ...(await actual<typeof Notify>()), notifySuccess: toasts.success }));

import { ApiError } from '../../renderer/api';
import type * as Notify from '../../renderer/lib/notify';
import { useSession } from '../../renderer/features/session/session.store';
import { FeeScheduleScreen } from '../../renderer/features/settings/FeeScheduleScreen';
import type { FeeScheduleEntry } from '../../shared/types';
import { answer, callsTo, resetApi } from './apiMock';
import { IDS, sessionUser } from './fixtures';
import { renderWithProviders } from './render';

function entry(overrides: Partial<FeeScheduleEntry>): FeeScheduleEntry {
  return {
    id: '00000000-0000-4000-8000-000000000100',
    code: 'D0120',
    shortName: 'Recall exam',
    defaultFee: 5500,
    defaultMinutes: 15,
    siteKind: 'none',
    surfaceCount: null,
    surfaceCountOrMore: false,
    retiredAt: null,
    version: 1,
    ...overrides,
  };
}

const exam = entry({});
const composite3 = entry({ id: '00000000-0000-4000-8000-000000000101', code: 'D2393', shortName: 'Composite back, 3 surfaces', defaultFee: 25000, defaultMinutes: 50, siteKind: 'surfaces', surfaceCount: 3, version: 4 });
const composite4 = entry({ id: '00000000-0000-4000-8000-000000000102', code: 'D2394', shortName: 'Composite back, 4+ surfaces', defaultFee: 129500, defaultMinutes: null, siteKind: 'surfaces', surfaceCount: 4, surfaceCountOrMore: true });
const oldCrown = entry({ id: '00000000-0000-4000-8000-000000000103', code: 'D2790', shortName: 'Gold crown', defaultFee: 110000, siteKind: 'tooth', retiredAt: '2026-01-05T10:00:00.000Z', version: 2 });
const sealant = entry({ id: '00000000-0000-4000-8000-000000000104', code: 'D4341', shortName: 'Deep cleaning, quadrant', defaultFee: 24000, defaultMinutes: 60, siteKind: 'quadrant' });

function signIn(role: 'ADMIN' | 'DENTIST' | 'FRONT_DESK') {
  useSession.setState({ phase: 'signedIn', user: sessionUser({ id: IDS.tenant, role, currency: 'USD', formats: { locale: 'en-US', timeFormat: '12h', nameOrder: 'first_last' } }) });
}

/** The words Mantine puts under an input (its error, its description), as a screen reader reads them with it. */
function describedBy(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

/** The window's width, as the table's media query reads it: wide at the desk, narrow on a laptop. */
function viewport(width: number) {
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 900 });
}

beforeEach(() => {
  resetApi();
  toasts.success.mockClear();
  viewport(1440);
  signIn('ADMIN');
});

describe('the fee schedule screen', () => {
  it('lists codes with their fee in the practice currency, site and surfaces in words, the search focused', async () => {
    answer('feeSchedule.list', [exam, composite3, composite4, sealant]);
    renderWithProviders(<FeeScheduleScreen />);
    const rows = await screen.findAllByTestId('fee-row');
    expect(rows).toHaveLength(4);
    expect(cells(rows[0]!).slice(0, 6)).toEqual(['D0120', 'Recall exam', '$55.00', '15', 'Whole mouth / no site', '']);
    expect(cells(rows[1]!).slice(0, 6)).toEqual(['D2393', 'Composite back, 3 surfaces', '$250.00', '50', 'Tooth and surfaces', '3']);
    expect(cells(rows[2]!).slice(0, 6)).toEqual(['D2394', 'Composite back, 4+ surfaces', '$1,295.00', '', 'Tooth and surfaces', '4 or more']);
    expect(cells(rows[3]!)[4]).toBe('Quadrant');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search codes' }));
  });

  it('puts the surfaces under the site on a narrow screen', async () => {
    viewport(1024);
    answer('feeSchedule.list', [exam, composite3]);
    renderWithProviders(<FeeScheduleScreen />);
    const rows = await screen.findAllByTestId('fee-row');
    expect(screen.getByRole('columnheader', { name: 'Site, surfaces' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Surfaces' })).toBeNull();
    expect(cells(rows[1]!)[4]).toBe('Tooth and surfaces3 surfaces');
    expect(cells(rows[0]!)[4]).toBe('Whole mouth / no site');
  });

  it('filters by code or by words of the name as you type', async () => {
    answer('feeSchedule.list', [exam, composite3, composite4, sealant]);
    const { user } = renderWithProviders(<FeeScheduleScreen />);
    await screen.findAllByTestId('fee-row');
    await user.type(screen.getByRole('textbox', { name: 'Search codes' }), '2393');
    expect(screen.getAllByTestId('fee-row').map((r) => cells(r)[0])).toEqual(['D2393']);
    await user.clear(screen.getByRole('textbox', { name: 'Search codes' }));
    await user.type(screen.getByRole('textbox', { name: 'Search codes' }), 'composite 4');
    expect(screen.getAllByTestId('fee-row').map((r) => cells(r)[0])).toEqual(['D2394']);
    await user.clear(screen.getByRole('textbox', { name: 'Search codes' }));
    await user.type(screen.getByRole('textbox', { name: 'Search codes' }), 'bridge');
    expect(screen.queryAllByTestId('fee-row')).toHaveLength(0);
    expect(screen.getByText('No codes match “bridge”')).toBeTruthy();
  });

  it('shows everyone the schedule read-only, and only an administrator the changes', async () => {
    signIn('FRONT_DESK');
    answer('feeSchedule.list', [exam, composite3, oldCrown]);
    renderWithProviders(<FeeScheduleScreen />);
    expect(await screen.findAllByTestId('fee-row')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'New code' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Retire / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Restore / })).toBeNull();
  });

  it('hides retired codes until “Show retired”, then marks them', async () => {
    answer('feeSchedule.list', [exam, composite3, oldCrown]);
    const { user } = renderWithProviders(<FeeScheduleScreen />);
    const rows = await screen.findAllByTestId('fee-row');
    expect(rows.map((r) => cells(r)[0])).toEqual(['D0120', 'D2393']);
    expect(screen.queryByTestId('retired-badge')).toBeNull();
    await user.click(screen.getByRole('switch', { name: 'Show retired' }));
    const all = screen.getAllByTestId('fee-row');
    expect(all.map((r) => cells(r)[0])).toEqual(['D0120', 'D2393', 'D2790']);
    expect(within(all[2]!).getByTestId('retired-badge').textContent).toBe('Retired');
    expect(within(all[2]!).getByRole('button', { name: 'Restore D2790' })).toBeTruthy();
    expect(within(all[0]!).queryByTestId('retired-badge')).toBeNull();
  });

  it('adds a code: fee in cents, "4+" as four or more surfaces', async () => {
    answer('feeSchedule.list', [exam]);
    answer('feeSchedule.save', (input) => entry({ ...input, id: composite4.id, code: 'D2394', retiredAt: null, version: 1 }));
    const { user } = renderWithProviders(<FeeScheduleScreen />);
    await user.click(await screen.findByRole('button', { name: 'New code' }));
    const dialog = await screen.findByRole('dialog', { name: 'New code' });
    const surfaces = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Surfaces' });
    // Only a tooth-and-surfaces code has a number of surfaces.
    expect(surfaces.disabled).toBe(true);
    await user.type(within(dialog).getByRole('textbox', { name: 'Code' }), '2394');
    await user.type(within(dialog).getByRole('textbox', { name: 'Short name' }), 'Composite back, 4+ surfaces');
    await user.type(within(dialog).getByRole('textbox', { name: 'Default fee' }), '1,295.50');
    await user.type(within(dialog).getByRole('textbox', { name: 'Default minutes' }), '60');
    await user.click(within(dialog).getByRole('combobox', { name: 'Site' }));
    await user.click(await screen.findByRole('option', { name: 'Tooth and surfaces' }));
    expect(surfaces.disabled).toBe(false);
    await user.type(surfaces, '4+');
    await user.click(within(dialog).getByRole('button', { name: 'Add code' }));
    await waitFor(() => expect(callsTo('feeSchedule.save')).toHaveLength(1));
    expect(callsTo('feeSchedule.save')[0]).toEqual({
      code: '2394',
      shortName: 'Composite back, 4+ surfaces',
      defaultFee: 129550,
      defaultMinutes: 60,
      siteKind: 'surfaces',
      surfaceCount: 4,
      surfaceCountOrMore: true,
      retired: false,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(toasts.success).toHaveBeenCalledWith('D2394 added to the fee schedule');
  });

  it('refuses a fee, minutes or surfaces it cannot read, under the field, without calling', async () => {
    answer('feeSchedule.list', [exam]);
    const { user } = renderWithProviders(<FeeScheduleScreen />);
    await user.click(await screen.findByRole('button', { name: 'New code' }));
    const dialog = await screen.findByRole('dialog', { name: 'New code' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Code' }), 'D2393');
    await user.type(within(dialog).getByRole('textbox', { name: 'Short name' }), 'Composite back, 3 surfaces');
    const fee = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Default fee' });
    await user.type(fee, '12.999');
    await user.type(within(dialog).getByRole('textbox', { name: 'Default minutes' }), '1.5');
    await user.click(within(dialog).getByRole('combobox', { name: 'Site' }));
    await user.click(await screen.findByRole('option', { name: 'Tooth and surfaces' }));
    const surfaces = within(dialog).getByRole('textbox', { name: 'Surfaces' });
    await user.type(surfaces, '7');
    await user.click(within(dialog).getByRole('button', { name: 'Add code' }));

    await waitFor(() => expect(describedBy(fee)).toContain('Enter the fee as an amount in USD with at most 2 decimals, like 125.00.'));
    // Shown back as typed, never rounded.
    expect(fee.value).toBe('12.999');
    expect(describedBy(within(dialog).getByRole('textbox', { name: 'Default minutes' }))).toContain('Minutes are a whole number.');
    expect(describedBy(surfaces)).toContain('Enter 1 to 6 surfaces, or 4+ for “4 or more”');
    await user.clear(fee);
    await user.type(fee, '-5');
    await user.click(within(dialog).getByRole('button', { name: 'Add code' }));
    await waitFor(() => expect(describedBy(fee)).toContain('A fee cannot be negative.'));
    expect(callsTo('feeSchedule.save')).toHaveLength(0);
  });

  it('shows the server’s refusal of a duplicate code under Code', async () => {
    answer('feeSchedule.list', [exam, composite3]);
    answer('feeSchedule.save', () => {
      throw new ApiError('VALIDATION', 'Please check the form', [{ path: 'code', message: 'D2393 is already in the fee schedule (Composite back, 3 surfaces).' }]);
    });
    const { user } = renderWithProviders(<FeeScheduleScreen />);
    await user.click(await screen.findByRole('button', { name: 'New code' }));
    const dialog = await screen.findByRole('dialog', { name: 'New code' });
    const code = within(dialog).getByRole('textbox', { name: 'Code' });
    await user.type(code, '2393');
    await user.type(within(dialog).getByRole('textbox', { name: 'Short name' }), 'Another composite');
    await user.type(within(dialog).getByRole('textbox', { name: 'Default fee' }), '250');
    await user.click(within(dialog).getByRole('button', { name: 'Add code' }));
    await waitFor(() => expect(describedBy(code)).toContain('D2393 is already in the fee schedule (Composite back, 3 surfaces).'));
    expect(callsTo('feeSchedule.save')).toHaveLength(1);
    expect(screen.getByRole('dialog', { name: 'New code' })).toBeTruthy();
  });

  it('retires after asking once, naming the code, with the version read', async () => {
    let saved = composite3;
    answer('feeSchedule.list', () => [exam, saved]);
    answer('feeSchedule.save', (input) => (saved = { ...saved, retiredAt: input.retired ? '2026-03-02T12:00:00.000Z' : null, version: saved.version + 1 }));
    const { user } = renderWithProviders(<FeeScheduleScreen />);
    await user.click(await screen.findByRole('button', { name: 'Retire D2393' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retire a code' });
    expect(dialog.textContent).toContain('Retire D2393 Composite back, 3 surfaces? It stays on past visits and is no longer offered for new work.');
    expect(callsTo('feeSchedule.save')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Retire D2393' }));
    await waitFor(() => expect(callsTo('feeSchedule.save')).toHaveLength(1));
    expect(callsTo('feeSchedule.save')[0]).toEqual({
      id: composite3.id,
      version: 4,
      code: 'D2393',
      shortName: 'Composite back, 3 surfaces',
      defaultFee: 25000,
      defaultMinutes: 50,
      siteKind: 'surfaces',
      surfaceCount: 3,
      surfaceCountOrMore: false,
      retired: true,
    });
    await waitFor(() => expect(toasts.success).toHaveBeenCalledWith('D2393 retired'));
    expect(screen.queryByRole('dialog')).toBeNull();
    // Retired codes are hidden by default: it leaves the list.
    await waitFor(() => expect(screen.getAllByTestId('fee-row').map((r) => cells(r)[0])).toEqual(['D0120']));

    // Restoring asks nothing.
    await user.click(screen.getByRole('switch', { name: 'Show retired' }));
    await user.click(screen.getByRole('button', { name: 'Restore D2393' }));
    await waitFor(() => expect(callsTo('feeSchedule.save')).toHaveLength(2));
    expect(callsTo('feeSchedule.save')[1]).toMatchObject({ id: composite3.id, version: 5, retired: false });
    await waitFor(() => expect(toasts.success).toHaveBeenCalledWith('D2393 is offered for new work again'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('edits with the version read, and merges a colleague’s change after a conflict', async () => {
    let saved = composite3;
    answer('feeSchedule.list', () => [exam, saved]);
    answer('feeSchedule.save', (input) => {
      if (input.version !== saved.version) throw new ApiError('CONFLICT', 'Someone else changed this fee schedule code a moment ago.');
      saved = { ...saved, defaultFee: input.defaultFee, defaultMinutes: input.defaultMinutes ?? null, shortName: input.shortName, version: saved.version + 1 };
      return saved;
    });
    const { user } = renderWithProviders(<FeeScheduleScreen />);
    await user.click(await screen.findByRole('button', { name: 'Edit D2393' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit D2393' });
    const fee = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Default fee' });
    expect(fee.value).toBe('250.00');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Surfaces' }).value).toBe('3');
    await user.clear(fee);
    await user.type(fee, '265');
    saved = { ...saved, defaultMinutes: 55, version: 5 };

    await user.click(within(dialog).getByRole('button', { name: 'Save code' }));
    const alert = await within(dialog).findByTestId('conflict-alert');
    expect(callsTo('feeSchedule.save')[0]).toMatchObject({ id: composite3.id, version: 4, defaultFee: 26500 });
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save code' }).disabled).toBe(true);
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Default minutes' }).value).toBe('55'));
    expect(fee.value).toBe('265');
    await user.click(within(dialog).getByRole('button', { name: 'Save code' }));
    await waitFor(() => expect(callsTo('feeSchedule.save')).toHaveLength(2));
    expect(callsTo('feeSchedule.save')[1]).toMatchObject({ id: composite3.id, version: 5, defaultFee: 26500, defaultMinutes: 55, surfaceCount: 3, retired: false });
  });
});
