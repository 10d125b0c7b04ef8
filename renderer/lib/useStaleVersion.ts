import { useState } from 'react';
import { notifyError } from './notify';

/** null: no conflict; 'stale': the save was refused; 'reloading'; or the record as saved now. */
export type Conflict<T> = null | 'stale' | 'reloading' | T;

/**
 * Optimistic locking in a form: the version sent with a save, and what to do
 * when the server answers CONFLICT. Reloading fetches the record as saved now
 * and moves only the version forward, so the user's typing stays in the form
 * and they decide, with both in view, whether to save again.
 * `fetchFresh` returns null when the record is gone (the caller has handled it).
 */
export function useStaleVersion<T extends { version: number }>(initialVersion: number, fetchFresh: () => Promise<T | null>) {
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<Conflict<T>>(null);

  const reload = async () => {
    setConflict('reloading');
    try {
      const fresh = await fetchFresh();
      if (!fresh) return;
      setVersion(fresh.version);
      setConflict(fresh);
    } catch (err) {
      setConflict('stale');
      notifyError(err);
    }
  };

  return { version, conflict, markStale: () => setConflict('stale'), reload };
}

export function isSavedRecord<T>(conflict: Conflict<T>): conflict is T {
  return conflict !== null && conflict !== 'stale' && conflict !== 'reloading';
}
