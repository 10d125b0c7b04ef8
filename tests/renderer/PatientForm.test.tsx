import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { ApiError } from '../../renderer/api';
import { PatientFormModal } from '../../renderer/features/patients/PatientFormModal';
import { PatientPage } from '../../renderer/features/patients/PatientPage';
import { useSession } from '../../renderer/features/session/session.store';
import type { Patient } from '../../shared/types';
import { answer, callsTo, resetApi } from './apiMock';
import { patient, sessionUser, IDS } from './fixtures';
import { renderWithProviders } from './render';

const PHONE_MESSAGE = 'Not a phone number: use digits, spaces, + - ( ) and x for an extension.';

beforeEach(() => {
  resetApi();
  useSession.setState({ phase: 'signedIn', user: sessionUser({ role: 'FRONT_DESK' }) });
});

describe('new patient form', () => {
  it('refuses the phone “abc” with the contract’s message, and sends nothing', async () => {
    const onSaved = vi.fn();
    const { user } = renderWithProviders(<PatientFormModal opened onClose={() => {}} onSaved={onSaved} />);
    await user.type(screen.getByLabelText('First name'), 'Maya');
    await user.type(screen.getByLabelText('Last name'), 'Tanaka');
    await user.type(screen.getByLabelText('Date of birth'), '1979-11-30');
    await user.type(screen.getByLabelText('Phone'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Add patient' }));

    expect(await screen.findByText(PHONE_MESSAGE)).toBeTruthy();
    expect(screen.getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('Phone').value).toBe('abc');
    expect(callsTo('patients.create')).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('adds a patient whose phone is a phone number', async () => {
    answer('patients.create', (input) => patient({ firstName: input.firstName, lastName: input.lastName, phone: input.phone ?? null }));
    const onSaved = vi.fn();
    const { user } = renderWithProviders(<PatientFormModal opened onClose={() => {}} onSaved={onSaved} />);
    await user.type(screen.getByLabelText('First name'), 'Maya');
    await user.type(screen.getByLabelText('Last name'), 'Tanaka');
    await user.type(screen.getByLabelText('Date of birth'), '1979-11-30');
    await user.type(screen.getByLabelText('Phone'), '(555) 010-0199 x12');
    await user.click(screen.getByRole('button', { name: 'Add patient' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsTo('patients.create')).toEqual([expect.objectContaining({ firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30', phone: '(555) 010-0199 x12' })]);
  });
});

describe('editing a patient from their page', () => {
  /** The main process: one patient, saved with optimistic locking. */
  function serve() {
    let saved = patient();
    answer('patients.get', () => saved);
    answer('visits.listByPatient', { items: [], total: 0, page: 1, size: 25 });
    answer('patients.update', ({ id: _id, version, ...fields }) => {
      if (version !== saved.version) throw new ApiError('CONFLICT', 'Someone else changed this patient a moment ago.');
      saved = { ...saved, ...fields, version: saved.version + 1 };
      return saved;
    });
    return {
      changeElsewhere: (fields: Partial<Patient>) => {
        saved = { ...saved, ...fields, version: saved.version + 1 };
      },
    };
  }

  it('keeps what the user typed through a refetch, then merges the colleague’s change on Reload', async () => {
    const server = serve();
    const { user, client } = renderWithProviders(<PatientPage id={IDS.patient} />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const phone = within(dialog).getByLabelText<HTMLInputElement>('Phone');
    await user.clear(phone);
    await user.type(phone, '555-0199');

    // Another workstation adds an alert; a live refresh refetches the page behind the dialog.
    server.changeElsewhere({ alerts: 'Latex allergy' });
    await act(() => client.invalidateQueries());
    expect((await screen.findByTestId('patient-alerts')).textContent).toContain('Latex allergy');
    expect(phone.value).toBe('555-0199');
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Alerts').value).toBe('');

    // The form still holds the version it opened with: saving is a conflict, not a silent overwrite.
    await user.click(within(dialog).getByRole('button', { name: 'Save patient' }));
    const alert = await within(dialog).findByTestId('conflict-alert');
    // Nothing can be saved before the reload.
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save patient' }).disabled).toBe(true);
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    // The field the user did not touch takes the colleague's value; the user's own change stays.
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Alerts').value).toBe('Latex allergy'));
    expect(alert.textContent).toContain('Their changes are now in the form (Alerts)');
    expect(phone.value).toBe('555-0199');

    await user.click(within(dialog).getByRole('button', { name: 'Save patient' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo('patients.update').map((input) => (input as Patient).version)).toEqual([1, 2]);
    expect(callsTo('patients.update')[1]).toMatchObject({ phone: '555-0199', alerts: 'Latex allergy' });
    // The save invalidated the patient: the page shows the new phone without a reload.
    await waitFor(() => expect(screen.getByText('555-0199')).toBeTruthy());
  });

  it('puts a field both changed side by side, and saves only once one is chosen', async () => {
    const server = serve();
    const { user } = renderWithProviders(<PatientPage id={IDS.patient} />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const phone = within(dialog).getByLabelText<HTMLInputElement>('Phone');
    await user.clear(phone);
    await user.type(phone, '555-0199');
    server.changeElsewhere({ phone: '555-0177' });

    await user.click(within(dialog).getByRole('button', { name: 'Save patient' }));
    await user.click(within(await within(dialog).findByTestId('conflict-alert')).getByRole('button', { name: 'Reload' }));
    const clash = await within(dialog).findByTestId('clash-phone');
    expect(clash.textContent).toContain('Keep yours: 555-0199');
    expect(clash.textContent).toContain('Use theirs: 555-0177');
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save patient' });
    expect(save.disabled).toBe(true);
    expect(within(dialog).getByTestId('save-blocked').textContent).toContain('Choose yours or theirs');

    await user.click(within(clash).getByRole('button', { name: /Use theirs/ }));
    expect(phone.value).toBe('555-0177');
    expect(save.disabled).toBe(false);
    await user.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo('patients.update')).toHaveLength(2);
    expect(callsTo('patients.update')[1]).toMatchObject({ phone: '555-0177', version: 2 });
  });
});
