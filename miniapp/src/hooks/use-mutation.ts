import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../services/api';

export interface Mutation<I, O> {
  /** Runs the action; resolves with its answer, or undefined when it failed (the client toasts why). */
  submit: (input: I) => Promise<O | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  /** The server's message per field (`body.room` → `room`) of a VALIDATION_FAILED answer. */
  fieldErrors: Record<string, string>;
}

/** Field messages of an error's details, keyed by the body field they name. */
export function fieldErrorsOf(error: ApiError | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!error || !Array.isArray(error.details)) return errors;
  for (const issue of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof issue?.path !== 'string' || typeof issue.message !== 'string') continue;
    const match = /^body\.([^.]+)/.exec(issue.path);
    if (match?.[1] && !errors[match[1]]) errors[match[1]] = issue.message;
  }
  return errors;
}

/** An action that changes something (submit, approve): one at a time, with its failure kept. */
export function useMutation<I, O>(run: (input: I) => Promise<O>): Mutation<I, O> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const busy = useRef(false);
  const runRef = useRef(run);
  runRef.current = run;

  const submit = useCallback(async (input: I) => {
    if (busy.current) return undefined; // a second tap while the first is under way
    busy.current = true;
    setPending(true);
    setError(undefined);
    try {
      return await runRef.current(input);
    } catch (caught) {
      setError(caught as ApiError);
      return undefined;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);

  return { submit, pending, error, fieldErrors: fieldErrorsOf(error) };
}
