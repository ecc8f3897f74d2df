export { todayInShanghai } from '../common/shanghai-time';

/** Full years of age on a given date (both YYYY-MM-DD); a birthday counts on the day itself. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Oldest age we accept as plausible when someone types a birth date. */
export const MAX_AGE = 120;

/** A (well-formed) birth date is acceptable when it is not in the future nor implausibly long ago. */
export function isPlausibleBirthDate(birthDate: string, today: string): boolean {
  if (birthDate > today) return false;
  return ageOn(birthDate, today) <= MAX_AGE;
}

/** 13812345678 → 138****5678: the only form in which a phone number leaves the backend. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** A household is one room of one unit of one building; dependents must share it. */
export function householdKey(p: { communityId: string; buildingId: string; unitId: string; room: string }): string {
  return `${p.communityId}/${p.buildingId}/${p.unitId}/${p.room.toUpperCase()}`;
}
