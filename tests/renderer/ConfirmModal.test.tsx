import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmModal } from '../../renderer/ui/ConfirmModal';
import { ApiError } from '../../renderer/api';
import { renderWithProviders } from './render';

describe('confirm dialog', () => {
  it('opens with focus on the confirm button, so Enter answers the question', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithProviders(<ConfirmModal opened title="Remove visit" message="Remove the visit of 03/02/2026?" confirmLabel="Remove visit" onConfirm={onConfirm} onClose={() => {}} />);
    const confirm = screen.getByRole('button', { name: 'Remove visit' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('stays open and shows a refusal in the server’s words', async () => {
    const onClose = vi.fn();
    const onConfirm = () => Promise.reject(new ApiError('ILLEGAL_TRANSITION', 'This visit cannot be removed: D2391 is in progress.'));
    const { user } = renderWithProviders(
      <ConfirmModal opened title="Remove visit" message="Remove?" confirmLabel="Remove visit" onConfirm={onConfirm} onClose={onClose}>
        <p>More to say</p>
      </ConfirmModal>,
    );
    expect(screen.getByText('More to say')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove visit' }));
    expect((await screen.findByTestId('confirm-error')).textContent).toBe('This visit cannot be removed: D2391 is in progress.');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Remove visit' }).disabled).toBe(false);
  });
});
