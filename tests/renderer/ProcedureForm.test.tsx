import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { useSession } from '../../renderer/features/session/session.store';
import { ProcedureFormModal } from '../../renderer/features/visits/ProcedureFormModal';
import { VisitPage } from '../../renderer/features/visits/VisitPage';
import type { Procedure } from '../../shared/types';
import { answer, callsTo, resetApi } from './apiMock';
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
      expect.objectContaining({ visitId: IDS.visit, code: 'd1110', name: 'Prophylaxis, adult', quantity: 3, unitFee: 9500, performedById: IDS.dentist }),
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
