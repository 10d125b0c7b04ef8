import { useRef, useState } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { type Clash, mergeAfterConflict } from './merge';
import { notifyError } from './notify';

export type ConflictPhase = 'none' | 'stale' | 'reloading' | 'merged';

export interface ConflictMerge<T extends FieldValues> {
  /** The version the next save sends. */
  version: number;
  phase: ConflictPhase;
  /** Fields both people changed differently, still to be chosen. */
  clashes: Clash<Extract<keyof T, string>>[];
  /** Fields that took the colleague's value (the user had not touched them). */
  updated: Extract<keyof T, string>[];
  /** The save answered CONFLICT. */
  markStale(): void;
  /** Fetches the record as saved now and merges it into the form (lib/merge.ts). */
  reload(): Promise<void>;
  /** Settles a clash: keep what the user typed, or take the saved value. */
  choose(field: Extract<keyof T, string>, pick: 'mine' | 'theirs'): void;
  /** False while the form holds something that would overwrite a colleague's change unseen. */
  canSave: boolean;
}

/**
 * The one conflict mechanism of every edit form. The form remembers the
 * values it started from; when a save is refused as stale, Reload fetches
 * the saved record and merges field by field: untouched fields take the
 * saved values, the user's own changes stay, and fields both changed wait
 * for the user to choose. Only then can the form save, with the new version.
 * `fetchFresh` answers the saved record as form values, or null when it is gone.
 */
export function useConflictMerge<T extends FieldValues>(
  form: UseFormReturn<T>,
  initialVersion: number,
  fetchFresh: () => Promise<{ version: number; values: T } | null>,
): ConflictMerge<T> {
  // What the form started from: set once, at open, and moved to the saved values on each reload.
  const base = useRef<T | null>(null);
  base.current ??= form.getValues();
  const [version, setVersion] = useState(initialVersion);
  const [phase, setPhase] = useState<ConflictPhase>('none');
  const [clashes, setClashes] = useState<Clash<Extract<keyof T, string>>[]>([]);
  const [updated, setUpdated] = useState<Extract<keyof T, string>[]>([]);

  // A merge writes whole fields of the form by name; react-hook-form types paths, not keys.
  const setField = (field: string, value: unknown) =>
    form.setValue(field as unknown as Path<T>, value as PathValue<T, Path<T>>, { shouldDirty: true, shouldValidate: true });

  const reload = async () => {
    setPhase('reloading');
    try {
      const fresh = await fetchFresh();
      if (!fresh) return;
      const merged = mergeAfterConflict<T>(base.current!, form.getValues(), fresh.values);
      for (const field of merged.updated) setField(field, merged.values[field]);
      base.current = fresh.values;
      setVersion(fresh.version);
      setClashes(merged.clashes);
      setUpdated(merged.updated);
      setPhase('merged');
    } catch (err) {
      setPhase('stale');
      notifyError(err);
    }
  };

  const choose = (field: Extract<keyof T, string>, pick: 'mine' | 'theirs') => {
    const clash = clashes.find((c) => c.field === field);
    if (!clash) return;
    setField(field, pick === 'mine' ? clash.mine : clash.theirs);
    setClashes((all) => all.filter((c) => c.field !== field));
  };

  return {
    version,
    phase,
    clashes,
    updated,
    markStale: () => setPhase('stale'),
    reload,
    choose,
    canSave: phase !== 'stale' && phase !== 'reloading' && clashes.length === 0,
  };
}
