import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../services/api';

export interface Mutation<I, O> {
  /** Runs the action; resolves with its answer, or undefined when it failed (the client toasts why). */
  submit: (input: I) => Promise<O | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  /** The server's message per field (`body.room` → `room`) of a VALIDATION_FAILED answer. */
  fieldErrors: Record<string, string>;
  /**
   * The server's message for one field by its whole path in the body (`dishes.0.priceFen`), or
   * for anything under it; null when the server named no problem there.
   */
  fieldIssues: (path: string) => string | null;
  /** Clears the kept failure once the person has read it. */
  dismiss: () => void;
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

/** The messages of an error's details, keyed by their whole path in the body (`dishes.0.priceFen`). */
export function bodyIssuesOf(error: ApiError | undefined): Record<string, string> {
  const issues: Record<string, string> = {};
  if (!error || !Array.isArray(error.details)) return issues;
  for (const issue of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof issue?.path !== 'string' || typeof issue.message !== 'string') continue;
    const match = /^body\.(.+)$/.exec(issue.path);
    if (match?.[1] && !issues[match[1]]) issues[match[1]] = issue.message;
  }
  return issues;
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

  const issues = bodyIssuesOf(error);
  const fieldIssues = (path: string): string | null =>
    issues[path] ?? Object.entries(issues).find(([key]) => key.startsWith(`${path}.`))?.[1] ?? null;
  const dismiss = useCallback(() => setError(undefined), []);
  return { submit, pending, error, fieldErrors: fieldErrorsOf(error), fieldIssues, dismiss };
}
