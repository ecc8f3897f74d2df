import { useState } from 'react';

type FieldErrors = Partial<Record<string, string>>;

/**
 * A form draft whose own checks stay silent until the first submit attempt,
 * so a person is not scolded for fields they have not reached yet.
 * The server's field errors (from the last submit) show whenever the local check passes.
 */
export function useDraftForm<D extends object>(
  initial: D | (() => D),
  findErrors: (draft: D) => FieldErrors,
  serverErrors: FieldErrors,
) {
  const [draft, setDraft] = useState<D>(initial);
  const [tried, setTried] = useState(false);
  const errors: FieldErrors = tried ? findErrors(draft) : {};
  const shown = (field: keyof D & string) => errors[field] ?? serverErrors[field];
  const update = (patch: Partial<D>) => setDraft((prev) => ({ ...prev, ...patch }));
  /** Marks the form as tried; true when the draft passes its own checks. */
  const check = () => {
    setTried(true);
    return Object.keys(findErrors(draft)).length === 0;
  };
  const reset = (next: D) => {
    setDraft(next);
    setTried(false);
  };
  return { draft, update, shown, check, reset };
}
