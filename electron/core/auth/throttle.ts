/**
 * Slows password guessing at a shared front desk: after MAX_FAILURES wrong
 * passwords for one username within WINDOW_MS, that username is refused for
 * LOCK_MS. Counted per username whether or not it exists, so the answer
 * reveals nothing; kept in memory, like sessions.
 */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => Date) {}

  /** Minutes until this username may try again, or 0. */
  minutesLocked(username: string): number {
    const recent = this.recent(username);
    if (recent.length < MAX_FAILURES) return 0;
    const until = recent[recent.length - 1]! + LOCK_MS;
    return Math.max(0, Math.ceil((until - this.now().getTime()) / 60_000));
  }

  fail(username: string): void {
    this.failures.set(username, [...this.recent(username), this.now().getTime()]);
  }

  succeed(username: string): void {
    this.failures.delete(username);
  }

  private recent(username: string): number[] {
    const t = this.now().getTime();
    const recent = (this.failures.get(username) ?? []).filter((at) => t - at < Math.max(WINDOW_MS, LOCK_MS));
    // Forget names whose failures have aged out, so guessing many names does not grow the map for ever.
    if (recent.length === 0) this.failures.delete(username);
    return recent;
  }
}
