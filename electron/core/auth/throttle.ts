/**
 * Slows password guessing at a shared front desk: after MAX_FAILURES wrong
 * passwords for one username within WINDOW_MS, that username is refused for
 * LOCK_MS. Counted per username whether or not it exists, so the answer
 * reveals nothing; kept in memory, like sessions.
 */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
const KEEP_MS = Math.max(WINDOW_MS, LOCK_MS);

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(private readonly now: () => Date) {}

  /** Minutes until this username may try again, or 0. */
  minutesLocked(username: string): number {
    const recent = this.recent(username);
    if (recent.length < MAX_FAILURES) return 0;
    const until = recent[recent.length - 1]! + LOCK_MS;
    return Math.max(0, Math.ceil((until - this.now().getTime()) / 60_000));
  }

  fail(username: string): void {
    this.sweep();
    this.failures.set(username, [...this.recent(username), this.now().getTime()].slice(-MAX_FAILURES));
  }

  /** A successful sign-in, or an administrator's password reset, clears the name. */
  succeed(username: string): void {
    this.failures.delete(username);
  }

  /** How many usernames are remembered (for tests: guessing many names must not grow it for ever). */
  get size(): number {
    return this.failures.size;
  }

  private recent(username: string): number[] {
    const t = this.now().getTime();
    return (this.failures.get(username) ?? []).filter((at) => t - at < KEEP_MS);
  }

  /** Forgets every name whose failures have aged out, at most once a minute. */
  private sweep(): void {
    const t = this.now().getTime();
    if (t - this.lastSweep < 60_000) return;
    this.lastSweep = t;
    for (const [name, times] of this.failures) {
      if (times.every((at) => t - at >= KEEP_MS)) this.failures.delete(name);
    }
  }
}
