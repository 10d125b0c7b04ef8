import { describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../electron/core/auth/throttle';

describe('sign-in throttle', () => {
  it('locks after five failures, counts per username, and forgets after a success', () => {
    let t = Date.parse('2026-03-02T09:00:00Z');
    const throttle = new SignInThrottle(() => new Date(t));
    for (let i = 0; i < 4; i++) throttle.fail('ada');
    expect(throttle.minutesLocked('ada')).toBe(0);
    throttle.succeed('ada');
    for (let i = 0; i < 4; i++) throttle.fail('ada');
    expect(throttle.minutesLocked('ada')).toBe(0);
    throttle.fail('ada');
    expect(throttle.minutesLocked('ada')).toBe(15);
    expect(throttle.minutesLocked('bo')).toBe(0);
    t += 10 * 60_000;
    expect(throttle.minutesLocked('ada')).toBe(5);
    t += 5 * 60_000;
    expect(throttle.minutesLocked('ada')).toBe(0);
  });

  it('lets old failures age out', () => {
    let t = 0;
    const throttle = new SignInThrottle(() => new Date(t));
    for (let i = 0; i < 4; i++) throttle.fail('ada');
    t += 16 * 60_000;
    throttle.fail('ada');
    expect(throttle.minutesLocked('ada')).toBe(0);
  });
});
