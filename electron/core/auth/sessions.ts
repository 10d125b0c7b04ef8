import { randomBytes } from 'node:crypto';
import type { Session } from '../context';

const IDLE_MS = 12 * 60 * 60 * 1000;

/**
 * Signed-in sessions, in memory: a restart signs everyone out, which is what
 * a practice expects of a desktop app. Tokens are random and never stored.
 */
export class SessionStore {
  private readonly byToken = new Map<string, Session & { lastSeen: number }>();

  constructor(private readonly now: () => Date) {}

  open(s: Omit<Session, 'token'>): Session {
    // Expired sessions are otherwise dropped only when their token is used again.
    const t = this.now().getTime();
    for (const [old, x] of this.byToken) if (t - x.lastSeen > IDLE_MS) this.byToken.delete(old);
    const token = randomBytes(32).toString('base64url');
    const session = { ...s, token };
    this.byToken.set(token, { ...session, lastSeen: this.now().getTime() });
    return session;
  }

  get(token: string | undefined | null): Session | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const t = this.now().getTime();
    if (t - s.lastSeen > IDLE_MS) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeen = t;
    const { lastSeen: _seen, ...session } = s;
    return session;
  }

  close(token: string): void {
    this.byToken.delete(token);
  }
}
