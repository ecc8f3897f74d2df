/**
 * Matching a membership application against the roster: the same household (building, unit,
 * room — the caller looks those rows up), the same name, and, when the roster has a phone, the
 * same last four digits. Otherwise the rows of that household, closest name first, help staff.
 */
import type { RosterPerson } from './plan';

export interface Applicant {
  realName: string;
  phone: string;
}

const compact = (name: string) => name.replace(/[\s·•．.]/g, '');

/** The roster person the applicant is, or undefined when none matches by name and phone. */
export function matchApplicant<P extends RosterPerson>(applicant: Applicant, household: readonly P[]): P | undefined {
  const name = compact(applicant.realName);
  return household.find(
    (p) => compact(p.name) === name && (p.phone === undefined || p.phone.slice(-4) === applicant.phone.slice(-4)),
  );
}

/** Characters two names share, in place or not, as a rough closeness (names are 2–4 characters). */
export function nameCloseness(a: string, b: string): number {
  const left = [...compact(a)];
  const right = [...compact(b)];
  let shared = 0;
  for (const ch of left) {
    const i = right.indexOf(ch);
    if (i >= 0) {
      shared += 1;
      right.splice(i, 1);
    }
  }
  return shared / Math.max(left.length, [...compact(b)].length, 1);
}

/** The household's roster rows, closest name first (at most `limit`). */
export function closestRows<P extends RosterPerson>(applicantName: string, household: readonly P[], limit = 5): P[] {
  return [...household]
    .sort((x, y) => nameCloseness(applicantName, y.name) - nameCloseness(applicantName, x.name))
    .slice(0, limit);
}
