import { randomBytes } from 'node:crypto';

const IDLE_MS = 12 * 60 * 60 * 1000;

/** What a token stands for. Role, name and the active flag are not kept: dispatch() reads them afresh on every call. */
export interface OpenSession {
  userId: string;
  tenantId: string;
  /** The user's credential_version at sign-in; a later password change or reset ends the session. */
  credentialVersion: number;
}

/**
 * Signed-in sessions, in memory: a restart signs everyone out, which is what
 * a practice expects of a desktop app. Tokens are random and never stored.
 */
export class SessionStore {
  private readonly byToken = new Map<string, OpenSession & { lastSeen: number }>();

  constructor(private readonly now: () => Date) {}

  open(s: OpenSession): string {
    // Expired sessions are otherwise dropped only when their token is used again.
    const t = this.now().getTime();
    for (const [old, x] of this.byToken) if (t - x.lastSeen > IDLE_MS) this.byToken.delete(old);
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { ...s, lastSeen: t });
    return token;
  }

  get(token: string | undefined | null): OpenSession | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const t = this.now().getTime();
    if (t - s.lastSeen > IDLE_MS) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeen = t;
    return { userId: s.userId, tenantId: s.tenantId, credentialVersion: s.credentialVersion };
  }

  /** After the user's own password change: this session carries on under the new version. */
  renew(token: string, credentialVersion: number): void {
    const s = this.byToken.get(token);
    if (s) s.credentialVersion = credentialVersion;
  }

  close(token: string): void {
    this.byToken.delete(token);
  }

  /** Open sessions, expired or not (for tests and diagnostics). */
  get size(): number {
    return this.byToken.size;
  }
}
