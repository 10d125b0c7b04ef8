import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { startLiveRefresh } from '../../renderer/lib/liveRefresh';

describe('live refresh', () => {
  it('refetches what is on screen when the data version moves, not when it is first heard or repeated', () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    let push: (v: number) => void = () => {};
    const stop = vi.fn();
    const end = startLiveRefresh(client, (onVersion) => {
      push = onVersion;
      return stop;
    });
    push(4);
    expect(invalidate).not.toHaveBeenCalled();
    push(5);
    push(5);
    expect(invalidate).toHaveBeenCalledTimes(1);
    push(0); // the service restarted
    expect(invalidate).toHaveBeenCalledTimes(2);
    end();
    expect(stop).toHaveBeenCalled();
  });
});
