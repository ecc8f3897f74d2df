import { surnameOnly } from '@linli/shared/domain/care/wish';

interface StoredStep {
  seq: number;
  at: string;
  byName: string;
  byRole: string;
  from: unknown;
  to: unknown;
  note?: string;
}

/**
 * A wish's or need's timeline entry as a viewer sees it: a resident's or caregiver's name is
 * masked to the surname for anyone outside the person's side and staff (`full` is false).
 */
export function stepView<E extends StoredStep>(e: E, full: boolean): Pick<E, keyof StoredStep> {
  const privateName = e.byRole === 'resident' || e.byRole === 'caregiver';
  return {
    seq: e.seq,
    at: e.at,
    byName: full || !privateName ? e.byName : surnameOnly(e.byName),
    byRole: e.byRole,
    from: e.from,
    to: e.to,
    note: e.note,
  };
}
