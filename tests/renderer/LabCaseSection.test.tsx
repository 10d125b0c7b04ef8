import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { LabCaseSection } from '../../renderer/features/labs/LabCaseSection';
import { useSession } from '../../renderer/features/session/session.store';
import type { Lab, LabCase, LabCaseStage, SessionUser } from '../../shared/types';
import { ApiError, answer, callsTo, resetApi } from './apiMock';
import { IDS, procedure, sessionUser, visit } from './fixtures';
import { renderWithProviders } from './render';

const LAB: Lab = { id: '00000000-0000-4000-8000-000000000040', name: 'Northside Dental Lab', phone: '555-0142', email: null, address: null, notes: null, turnaroundDays: 5, hidden: false, version: 1 };
const CASE_ID = '00000000-0000-4000-8000-000000000050';

function labCase(stage: LabCaseStage, overrides: Partial<LabCase> = {}): LabCase {
  const sent = stage === 'NOT_SENT' || stage === 'CANCELLED' ? null : '2026-03-02';
  return {
    id: CASE_ID,
    stage,
    labId: LAB.id,
    labName: LAB.name,
    labPhone: LAB.phone,
    sentDate: sent,
    dueDate: sent ? '2026-03-09' : null,
    receivedDate: stage === 'RECEIVED' || stage === 'CHECKED' ? '2026-03-06' : null,
    checkedDate: stage === 'CHECKED' ? '2026-03-06' : null,
    cancelledDate: stage === 'CANCELLED' ? '2026-03-03' : null,
    cancelReason: stage === 'CANCELLED' ? 'Milled chairside' : null,
    trackingNo: null,
    shade: 'A2',
    instructions: null,
    notes: null,
    labFee: 18500,
    procedure: { id: IDS.procedure, code: 'D2740', name: 'Crown', toothNumber: '3', surfaces: [], area: null, status: 'IN_PROGRESS', lockedByClaim: null, version: 2 },
    visitId: IDS.visit,
    visitDate: '2026-03-02',
    patientId: IDS.patient,
    patientFirstName: 'Maya',
    patientLastName: 'Tanaka',
    chartNumber: '1001',
    patientArchivedAt: null,
    providerId: IDS.dentist,
    providerName: 'Dr. Noor Haddad',
    version: 1,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

const crown = procedure({ code: 'D2740', name: 'Crown', toothNumber: '3', surfaces: [], status: 'IN_PROGRESS' });
function as(overrides: Partial<SessionUser> = {}) {
  useSession.setState({ phase: 'signedIn', user: sessionUser(overrides) });
}
function show(lc: LabCase | null, p = crown, v = visit([crown])) {
  answer('labCases.get', { labCase: lc });
  answer('labs.list', [LAB]);
  answer('closedDays.list', [{ day: '2026-03-09', note: 'Staff training' }]);
  return renderWithProviders(<LabCaseSection procedure={p} visit={v} />);
}
const buttons = async () => {
  const section = await screen.findByTestId('lab-case');
  await waitFor(() => expect(within(section).queryByRole('progressbar')).toBeNull());
  return within(section)
    .queryAllByRole('button')
    .map((b) => b.textContent)
    .filter((t) => t !== 'Lab slip');
};

beforeEach(() => {
  resetApi();
  as();
});

describe('the lab case in a procedure’s details', () => {
  it.each<[LabCaseStage, string[]]>([
    ['NOT_SENT', ['Send to lab', 'Edit lab case', 'Cancel lab case']],
    ['AT_LAB', ['Mark received', 'Edit lab case']],
    ['RECEIVED', ['Mark checked', 'Edit lab case']],
    ['CHECKED', ['Edit lab case']],
    ['CANCELLED', ['Open a new lab case']],
  ])('offers only the steps a %s case allows', async (stage, expected) => {
    show(labCase(stage));
    await screen.findByTestId('lab-stage');
    expect(await buttons()).toEqual(expected);
  });

  it('offers the front desk no quality check, and an archived chart no step at all', async () => {
    as({ role: 'FRONT_DESK' });
    const first = show(labCase('RECEIVED'));
    await screen.findByTestId('lab-stage');
    expect(await buttons()).toEqual(['Edit lab case']);
    first.unmount();
    as();
    show(labCase('AT_LAB'), crown, visit([crown], { patientArchivedAt: '2026-03-05T10:00:00.000Z' }));
    await screen.findByTestId('lab-stage');
    expect(await buttons()).toEqual([]);
  });

  it('says how late a case at the lab is, by the main process’s day', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-12T10:00:00Z'), toFake: ['Date'] });
    try {
      show(labCase('AT_LAB'));
      expect((await screen.findByTestId('lab-overdue')).textContent).toBe('3 days overdue');
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends with the due date the core will set: the lab’s working days, a closed day skipped', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z'), toFake: ['Date'] });
    try {
      answer('labCases.send', (input) => labCase('AT_LAB', { dueDate: input.dueDate ?? null }));
      const { user } = show(labCase('NOT_SENT'));
      await user.click(await screen.findByRole('button', { name: 'Send to lab' }));
      const dialog = await screen.findByRole('dialog', { name: 'Send to the lab' });
      // Monday 2 March + 5 working days, with Monday 9 March closed: Tuesday 10 March.
      await waitFor(() => expect(within(dialog).getByLabelText('Due back')).toHaveProperty('value', '2026-03-10'));
      await user.type(within(dialog).getByLabelText('Tracking number'), 'TRK-9');
      await user.click(within(dialog).getByRole('button', { name: 'Send to the lab' }));
      await waitFor(() => expect(callsTo('labCases.send')).toHaveLength(1));
      // Today is left to the main process's clock.
      expect(callsTo('labCases.send')[0]).toEqual({ id: CASE_ID, version: 1, sentDate: undefined, dueDate: '2026-03-10', trackingNo: 'TRK-9' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('needs a reason to cancel, and shows the core’s refusal in its words', async () => {
    answer('labCases.cancel', () => {
      throw new ApiError('ILLEGAL_TRANSITION', 'This case is at the lab: mark it received when it comes back, or cancel the procedure to cancel the case.');
    });
    const { user } = show(labCase('NOT_SENT'));
    await user.click(await screen.findByRole('button', { name: 'Cancel lab case' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel lab case' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel lab case' }));
    expect(within(dialog).getByText(/Say why the case is cancelled/)).toBeTruthy();
    expect(callsTo('labCases.cancel')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText(/Reason/), 'Sent elsewhere');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel lab case' }));
    expect(await within(dialog).findByText(/This case is at the lab: mark it received/)).toBeTruthy();
    expect(callsTo('labCases.cancel')).toEqual([{ id: CASE_ID, version: 1, reason: 'Sent elsewhere' }]);
  });

  it('opens a case for planned work with the lab, shade and the lab fee in minor units', async () => {
    answer('labCases.open', () => labCase('NOT_SENT'));
    const planned = procedure({ code: 'D2740', name: 'Crown', toothNumber: '3', surfaces: [], status: 'PLANNED' });
    const { user } = show(null, planned, visit([planned]));
    await user.click(await screen.findByRole('button', { name: 'Open lab case' }));
    const dialog = await screen.findByRole('dialog', { name: /Open lab case/ });
    await user.click(within(dialog).getByRole('combobox', { name: 'Lab' }));
    await user.click(await screen.findByRole('option', { name: /Northside Dental Lab/ }));
    await user.type(within(dialog).getByLabelText('Shade'), 'A3');
    await user.type(within(dialog).getByLabelText('Lab fee'), '185.50');
    await user.click(within(dialog).getByRole('button', { name: 'Open lab case' }));
    await waitFor(() => expect(callsTo('labCases.open')).toHaveLength(1));
    expect(callsTo('labCases.open')[0]).toMatchObject({ procedureId: IDS.procedure, labId: LAB.id, shade: 'A3', labFee: 18550, dueDate: null });
  });
});
