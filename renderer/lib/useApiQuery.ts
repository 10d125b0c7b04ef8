import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';

interface Settled<O> {
  key: string;
  data: O | undefined;
  error: ApiError | null;
}

export interface Query<O> {
  data: O | undefined;
  error: ApiError | null;
  /** True while the answer for the current input has not arrived yet. */
  loading: boolean;
  reload: () => void;
}

/**
 * Calls an `api.*` method whenever its input changes (pass null to wait).
 * The previous answer stays visible while the next one loads, so search-as-
 * you-type tables do not flash empty. Late answers for old inputs are dropped.
 */
export function useApiQuery<I, O>(fn: (input: I) => Promise<O>, input: I | null): Query<O> {
  const [nonce, setNonce] = useState(0);
  const inputKey = input === null ? null : JSON.stringify(input);
  const key = inputKey === null ? null : `${nonce}:${inputKey}`;
  const [settled, setSettled] = useState<Settled<O>>({ key: '', data: undefined, error: null });

  useEffect(() => {
    if (key === null || inputKey === null) return;
    let current = true;
    fn(JSON.parse(inputKey) as I).then(
      (data) => current && setSettled({ key, data, error: null }),
      (err: unknown) => {
        if (!current) return;
        const error = err instanceof ApiError ? err : new ApiError('INTERNAL', String(err));
        setSettled((prev) => ({ key, data: prev.data, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [fn, key, inputKey]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return {
    data: settled.data,
    error: settled.key === key ? settled.error : null,
    loading: key !== null && settled.key !== key,
    reload,
  };
}
