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

describe('sign-in throttle memory', () => {
  it('forgets aged failures of every username, not only the one being tried', () => {
    let t = 0;
    const throttle = new SignInThrottle(() => new Date(t));
    for (let i = 0; i < 500; i++) throttle.fail(`guess${i}`);
    expect(throttle.size).toBe(500);
    t += 16 * 60_000;
    throttle.fail('someone-else');
    expect(throttle.size).toBe(1);
  });

  it('keeps at most the failures that decide a lock', () => {
    const throttle = new SignInThrottle(() => new Date(0));
    for (let i = 0; i < 1000; i++) throttle.fail('ada');
    expect(throttle.minutesLocked('ada')).toBe(15);
    expect((throttle as unknown as { failures: Map<string, number[]> }).failures.get('ada')).toHaveLength(5);
  });
});
