/**
 * Tells open screens that the data changed, wherever the change came from:
 * this process (any window), or another process on the same file (a second
 * workstation's browser mode, the desktop app). SQLite says both cheaply:
 * `PRAGMA data_version` moves when another connection commits, and
 * `total_changes()` when this one writes. Polled only while someone
 * listens; each listener gets a number that only grows, and refetches.
 */
import type Database from 'better-sqlite3';
import type { Sqlite } from './db/connection';

/** Open screens refresh within about two seconds of a change elsewhere (DESIGN.md); half a second leaves room. */
export const POLL_MS = 500;

export type ChangeListener = (version: number) => void;

export class ChangeFeed {
  private readonly listenerSet = new Set<ChangeListener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private seen = '';
  private current = 0;
  private ownChanges: Database.Statement<[], { n: number }> | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly pollMs = POLL_MS,
    private readonly logError: (err: unknown, where: string) => void = () => {},
  ) {}

  /** Grows by one for every poll that saw a change. */
  get version(): number {
    return this.current;
  }

  /** How many listen now (each open window or browser tab is one). */
  get listeners(): number {
    return this.listenerSet.size;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listenerSet.add(listener);
    if (!this.timer) {
      this.seen = this.fingerprint();
      this.timer = setInterval(() => this.poll(), this.pollMs);
      this.timer.unref();
    }
    return () => {
      this.listenerSet.delete(listener);
      if (this.listenerSet.size === 0) this.stop();
    };
  }

  /** Checks now (the timer calls this; tests may too). */
  poll(): void {
    if (!this.sqlite.open) return this.stop();
    let now: string;
    try {
      now = this.fingerprint();
    } catch (err) {
      // A busy or closing file: the next poll will see the change.
      this.logError(err, 'change feed');
      return;
    }
    if (now === this.seen) return;
    this.seen = now;
    this.current++;
    for (const listener of [...this.listenerSet]) listener(this.current);
  }

  close(): void {
    this.listenerSet.clear();
    this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private fingerprint(): string {
    const dataVersion = this.sqlite.pragma('data_version', { simple: true }) as number;
    this.ownChanges ??= this.sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n');
    const own = this.ownChanges.get()!.n;
    return `${dataVersion}:${own}`;
  }
}
