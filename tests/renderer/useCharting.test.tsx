import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));
// Toasts are only recorded here: what the user would read.
const toasts = vi.hoisted(() => ({ success: vi.fn(), error: vi.fn() }));
vi.mock('../../renderer/lib/notify', () => ({ notifySuccess: toasts.success, notifyError: toasts.error }));

import { ApiError } from '../../renderer/api';
import { useCharting } from '../../renderer/features/chart/useCharting';
import { createQueryClient } from '../../renderer/lib/queryClient';
import type { ProcedureDraft } from '../../shared/domain/quick-entry';
import { answer, callsTo, resetApi } from './apiMock';
import { IDS, procedure } from './fixtures';
import { Providers } from './render';

const draft = (toothNumber: string): ProcedureDraft => ({ code: 'D6245', name: 'Bridge pontic, ceramic', toothNumber, surfaces: [], area: null, unitFee: 115000, durationMinutes: 60 });

function setup() {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <Providers client={client}>{children}</Providers>;
  return renderHook(() => useCharting(IDS.patient, IDS.visit, IDS.dentist), { wrapper });
}

beforeEach(() => {
  resetApi();
  toasts.success.mockClear();
  toasts.error.mockClear();
});

describe('charting several teeth', () => {
  it('adds one procedure per tooth, each as the schedule has it, and says where', async () => {
    answer('procedures.add', (input) => procedure({ code: input.code, toothNumber: input.toothNumber ?? null }));
    const { result } = setup();
    let ok = false;
    await act(async () => {
      ok = await result.current.procedures([draft('3'), draft('4'), draft('5')]);
    });
    expect(ok).toBe(true);
    expect(callsTo('procedures.add')).toEqual(
      ['3', '4', '5'].map((toothNumber) => expect.objectContaining({ visitId: IDS.visit, code: 'D6245', toothNumber, unitFee: 115000, quantity: 1, performedById: IDS.dentist })),
    );
    expect(toasts.success).toHaveBeenCalledWith('Added D6245 to teeth 3, 4, 5');
  });

  it('says which teeth went in before a refusal, so nothing is added twice', async () => {
    answer('procedures.add', (input) => {
      if (input.toothNumber === '5') throw new ApiError('ARCHIVED', 'Maya Tanaka is archived: her chart is read-only.');
      return procedure({ toothNumber: input.toothNumber ?? null });
    });
    const { result } = setup();
    let ok = true;
    await act(async () => {
      ok = await result.current.procedures([draft('3'), draft('4'), draft('5')]);
    });
    expect(ok).toBe(false);
    const shown = toasts.error.mock.calls[0]![0] as ApiError;
    expect(shown.code).toBe('ARCHIVED');
    expect(shown.message).toBe('Maya Tanaka is archived: her chart is read-only. D6245 was added to teeth 3, 4 before that.');
    expect(toasts.success).not.toHaveBeenCalled();
  });
});
