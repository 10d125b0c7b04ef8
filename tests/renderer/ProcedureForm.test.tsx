import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { useSession } from '../../renderer/features/session/session.store';
import { ProcedureFormModal } from '../../renderer/features/visits/ProcedureFormModal';
import { VisitPage } from '../../renderer/features/visits/VisitPage';
import type { Procedure } from '../../shared/types';
import { answer, ApiError, callsTo, resetApi } from './apiMock';
import { IDS, patient, procedure, providers, sessionUser, visit } from './fixtures';
import { renderWithProviders } from './render';

beforeEach(() => {
  resetApi();
  answer('users.providers', providers);
});

function renderAddForm() {
  const onSaved = vi.fn();
  const view = renderWithProviders(
    <ProcedureFormModal dialog={{ mode: 'add' }} visitId={IDS.visit} currency="USD" defaultPerformerId={IDS.dentist} onClose={() => {}} onSaved={onSaved} onCorrect={() => {}} />,
  );
  return { ...view, onSaved };
}

const crown = { id: IDS.visit, code: 'D2740', shortName: 'Crown, ceramic', defaultFee: 120000, defaultMinutes: 90, siteKind: 'tooth', surfaceCount: null, surfaceCountOrMore: false, retiredAt: null, version: 1 } as const;

describe('procedure form and the fee schedule', () => {
  it('fills description, fee and minutes from a scheduled code, and names what it is', async () => {
    answer('feeSchedule.list', [crown]);
    const { user } = renderAddForm();
    await user.type(screen.getByLabelText('Code'), '2740');
    await user.tab();
    expect(screen.getByLabelText<HTMLInputElement>('Description').value).toBe('Crown, ceramic');
    expect(screen.getByLabelText<HTMLInputElement>('Fee').value).toBe('1200.00');
    expect(screen.getByLabelText<HTMLInputElement>('Duration').value).toBe('90');
    expect(screen.getByText('Crown, ceramic · tooth')).toBeTruthy();
  });

  it('never overwrites what was typed, and fills nothing from a retired code', async () => {
    answer('feeSchedule.list', [crown, { ...crown, code: 'D2750', retiredAt: '2026-01-01T00:00:00.000Z' }]);
    const { user } = renderAddForm();
    await user.type(screen.getByLabelText('Description'), 'Crown on the implant');
    await user.type(screen.getByLabelText('Code'), 'D2740');
    await user.tab();
    expect(screen.getByLabelText<HTMLInputElement>('Description').value).toBe('Crown on the implant');
    expect(screen.getByLabelText<HTMLInputElement>('Fee').value).toBe('1200.00');
    const code = screen.getByLabelText<HTMLInputElement>('Code');
    await user.clear(code);
    await user.clear(screen.getByLabelText('Fee'));
    await user.type(code, 'D2750');
    await user.tab();
    expect(screen.getByLabelText<HTMLInputElement>('Fee').value).toBe('');
  });
});

describe('procedure form', () => {
  it.each([
    ['0', 'Quantity must be at least 1.'],
    ['-3', 'Quantity must be at least 1.'],
    ['1.5', 'Quantity is a whole number.'],
    ['1000', 'Quantity is at most 999.'],
    ['two', 'Enter the quantity as a whole number, like 1.'],
  ])('refuses quantity %s with “%s”, leaving it as typed', async (typed, message) => {
    const { user, onSaved } = renderAddForm();
    await user.type(screen.getByLabelText('Code'), 'D1110');
    await user.type(screen.getByLabelText('Description'), 'Prophylaxis, adult');
    await user.type(screen.getByLabelText('Fee'), '95.00');
    const quantity = screen.getByLabelText<HTMLInputElement>('Quantity');
    await user.clear(quantity);
    await user.type(quantity, typed);
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Add procedure' }));

    expect(await screen.findByText(message)).toBeTruthy();
    expect(quantity.getAttribute('aria-invalid')).toBe('true');
    // Not clamped, not rounded: what the user typed stays for them to correct.
    expect(quantity.value).toBe(typed);
    expect(callsTo('procedures.add')).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it.each([
    ['-95', 'A fee cannot be negative.'],
    ['95.555', 'Enter the fee as an amount in USD with at most 2 decimals, like 125.00.'],
    ['ninety', 'Enter the fee as an amount in USD with at most 2 decimals, like 125.00.'],
    ['', 'Enter the fee, like 125.00 (0 if free).'],
  ])('refuses fee “%s” with “%s”, leaving it as typed', async (typed, message) => {
    const { user, onSaved } = renderAddForm();
    await user.type(screen.getByLabelText('Code'), 'D1110');
    await user.type(screen.getByLabelText('Description'), 'Prophylaxis, adult');
    if (typed) await user.type(screen.getByLabelText('Fee'), typed);
    await user.click(screen.getByRole('button', { name: 'Add procedure' }));

    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Fee').value).toBe(typed);
    expect(callsTo('procedures.add')).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it.each([
    ['-5', 'Duration cannot be negative.'],
    ['1.5', 'Duration is in whole minutes.'],
    ['1441', 'Duration is at most 1,440 minutes (a whole day).'],
    ['half an hour', 'Enter the duration in whole minutes, like 30.'],
  ])('refuses duration “%s” with “%s”, leaving it as typed', async (typed, message) => {
    const { user } = renderAddForm();
    await user.type(screen.getByLabelText('Code'), 'D1110');
    await user.type(screen.getByLabelText('Description'), 'Prophylaxis, adult');
    await user.type(screen.getByLabelText('Fee'), '95.00');
    await user.type(screen.getByLabelText('Duration'), typed);
    await user.click(screen.getByRole('button', { name: 'Add procedure' }));

    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Duration').value).toBe(typed);
    expect(callsTo('procedures.add')).toHaveLength(0);
  });

  it('sends a whole quantity and the fee in cents', async () => {
    answer('procedures.add', (input) => procedure({ quantity: input.quantity ?? 1, unitFee: input.unitFee }));
    const { user, onSaved } = renderAddForm();
    await user.type(screen.getByLabelText('Code'), 'd1110');
    await user.type(screen.getByLabelText('Description'), 'Prophylaxis, adult');
    await user.type(screen.getByLabelText('Fee'), '95.00');
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '3');
    await user.click(screen.getByRole('button', { name: 'Add procedure' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsTo('procedures.add')).toEqual([
      expect.objectContaining({ visitId: IDS.visit, code: 'd1110', name: 'Prophylaxis, adult', quantity: 3, unitFee: 9500, durationMinutes: null, performedById: IDS.dentist }),
    ]);
  });
});

describe('procedure form after a conflict', () => {
  function renderEdit(p: Procedure) {
    const onSaved = vi.fn();
    const view = renderWithProviders(
      <ProcedureFormModal dialog={{ mode: 'edit', procedure: p }} visitId={IDS.visit} currency="USD" defaultPerformerId={IDS.dentist} onClose={() => {}} onSaved={onSaved} onCorrect={() => {}} />,
    );
    return { ...view, onSaved };
  }
  /** procedures.update answers CONFLICT until the form sends `version`; visits.get answers the colleague's save. */
  function colleagueSaved(saved: Procedure) {
    answer('visits.get', visit([saved]));
    answer('procedures.update', (input) => {
      if (input.version !== saved.version) throw new ApiError('CONFLICT', 'This procedure was changed by someone else.');
      return { ...saved, version: saved.version + 1 };
    });
  }

  it('takes the colleague’s fee into the form on Reload and never writes the old one back', async () => {
    colleagueSaved(procedure({ unitFee: 21000, durationMinutes: 30, version: 2 }));
    const { user, onSaved } = renderEdit(procedure({ durationMinutes: 30 }));
    await user.type(screen.getByLabelText('Notes'), 'Deep caries, indirect pulp cap');
    await user.click(screen.getByRole('button', { name: 'Save procedure' }));

    const alert = await screen.findByTestId('conflict-alert');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save procedure' }).disabled).toBe(true);
    expect(screen.getByTestId('save-blocked').textContent).toBe('Reload first: saving now would undo their change.');
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(alert.textContent).toContain('Their changes are now in the form (Fee)'));
    expect(screen.getByLabelText<HTMLInputElement>('Fee').value).toBe('210.00');
    expect(screen.getByLabelText<HTMLInputElement>('Notes').value).toBe('Deep caries, indirect pulp cap');

    await user.click(screen.getByRole('button', { name: 'Save procedure' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsTo('procedures.update').at(-1)).toMatchObject({ version: 2, unitFee: 21000, durationMinutes: 30, notes: 'Deep caries, indirect pulp cap' });
  });

  it('shows a field both changed side by side, in money, and saves only once it is chosen', async () => {
    colleagueSaved(procedure({ unitFee: 22000, version: 2 }));
    const { user, onSaved } = renderEdit(procedure());
    const fee = screen.getByLabelText<HTMLInputElement>('Fee');
    await user.clear(fee);
    await user.type(fee, '200.00');
    await user.click(screen.getByRole('button', { name: 'Save procedure' }));
    await user.click(within(await screen.findByTestId('conflict-alert')).getByRole('button', { name: 'Reload' }));

    const clash = await screen.findByRole('group', { name: 'Fee: yours or theirs' });
    expect(within(clash).getByRole('button', { name: 'Keep yours: $200.00' })).toBeTruthy();
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Save procedure' });
    expect(save.disabled).toBe(true);
    expect(screen.getByTestId('save-blocked').textContent).toBe('Choose yours or theirs for Fee before saving.');
    // Enter in a field does not get round it either.
    await user.type(screen.getByLabelText('Description'), '{Enter}');
    expect(callsTo('procedures.update')).toHaveLength(1);

    await user.click(within(clash).getByRole('button', { name: 'Use theirs: $220.00' }));
    expect(fee.value).toBe('220.00');
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsTo('procedures.update').at(-1)).toMatchObject({ version: 2, unitFee: 22000 });
  });

  it('finished work opens for its notes only, and sends its other facts unchanged', async () => {
    const done = procedure({ status: 'COMPLETED', durationMinutes: 40, notes: null });
    answer('procedures.update', (input) => ({ ...done, notes: input.notes ?? null, version: 2 }));
    const { user, onSaved } = renderEdit(done);
    expect(screen.getByLabelText<HTMLInputElement>('Fee').disabled).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Code').disabled).toBe(true);
    await user.type(screen.getByLabelText('Notes'), 'Sensitivity gone at review');
    await user.click(screen.getByRole('button', { name: 'Save notes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsTo('procedures.update')).toEqual([
      expect.objectContaining({ code: 'D2391', toothNumber: '19', surfaces: ['O'], quantity: 2, unitFee: 19500, durationMinutes: 40, performedById: IDS.dentist, notes: 'Sensitivity gone at review' }),
    ]);
  });
});

describe('visit page', () => {
  function serve(procedures: Procedure[]) {
    let current = visit(procedures);
    answer('visits.get', () => current);
    answer('patients.get', patient());
    return { change: (next: Procedure[]) => (current = visit(next)) };
  }

  beforeEach(() => useSession.setState({ phase: 'signedIn', user: sessionUser() }));

  it('shows each procedure’s line total, fee times quantity, and strikes through cancelled work', async () => {
    serve([
      procedure({ quantity: 2, unitFee: 19500 }),
      procedure({ id: IDS.cancelled, code: 'D0220', name: 'Periapical X-ray', quantity: 3, unitFee: 3100, status: 'CANCELLED', toothNumber: null, surfaces: [] }),
    ]);
    renderWithProviders(<VisitPage id={IDS.visit} />);
    const rows = await screen.findAllByTestId('procedure-row');
    expect(screen.getByRole('columnheader', { name: 'Line total' })).toBeTruthy();

    const [composite, xray] = rows.map((row) => within(row).getByTestId('procedure-line-total'));
    expect(composite!.textContent).toBe('$390.00');
    expect(xray!.textContent).toBe('$93.00');
    expect(xray!.getAttribute('title')).toBe('Cancelled: not charged');
    expect(screen.getByTestId('visit-total').textContent).toBe('$390.00');
    // Tooth and surfaces share one column, to leave the row room for its money and its next step.
    expect(within(rows[0]!).getByText('19 O')).toBeTruthy();
  });

  it('an open edit keeps what the user typed when the visit behind it is refetched', async () => {
    const server = serve([procedure()]);
    const { user, client } = renderWithProviders(<VisitPage id={IDS.visit} />);
    const row = await screen.findByTestId('procedure-row');
    await user.click(within(row).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const description = within(dialog).getByLabelText<HTMLInputElement>('Description');
    await user.clear(description);
    await user.type(description, 'Composite, margin sealed');
    await user.clear(within(dialog).getByLabelText('Quantity'));
    await user.type(within(dialog).getByLabelText('Quantity'), '1');

    // Someone at another workstation changes the procedure; a live refresh refetches everything.
    server.change([procedure({ name: 'Composite, one surface (reviewed)', unitFee: 21000, version: 2 })]);
    await act(() => client.invalidateQueries());
    await waitFor(() => expect(within(screen.getByTestId('procedure-row')).getByText('Composite, one surface (reviewed)')).toBeTruthy());

    expect(description.value).toBe('Composite, margin sealed');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Quantity').value).toBe('1');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Fee').value).toBe('195.00');
  });
});
