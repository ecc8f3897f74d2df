import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../services/api';

export interface RequestState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Runs the request again, e.g. from a 重试 button. */
  reload: () => void;
}

/** Runs an API call when `key` changes and tracks its answer; later hooks build on it. */
export function useRequest<T>(key: string, run: () => Promise<T>): RequestState<T> {
  const [state, setState] = useState<Omit<RequestState<T>, 'reload'>>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    let current = true;
    setState((prev) => ({ ...prev, loading: true, error: undefined }));
    runRef.current().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: ApiError) => current && setState((prev) => ({ data: prev.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
