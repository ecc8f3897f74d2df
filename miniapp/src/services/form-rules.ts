/**
 * The server's rules for a person's details, checked as the person types so the hint appears
 * before they submit. The messages are the contract's own (shared/src/contract/identity.ts);
 * form-rules.test.ts proves both sides agree. The contract's zod schemas stay out of the bundle.
 */
import { isPlausibleBirthDate, todayInShanghai } from '@linli/shared/domain/identity/person';

/** null when the room is acceptable, else the message to show. */
export function checkRoom(room: string): string | null {
  return /^[0-9A-Za-z-]{1,8}$/.test(room.trim()) ? null : '请输入门牌号，如 302';
}

export function checkRealName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length < 2) return '请输入真实姓名';
  if (trimmed.length > 20) return '姓名最多 20 个字';
  return null;
}

/** Mainland mobile: 11 digits starting with 13–19. An empty optional phone is fine. */
export function checkPhone(phone: string, optional = false): string | null {
  if (optional && phone.trim() === '') return null;
  return /^1[3-9]\d{9}$/.test(phone.trim()) ? null : '请输入 11 位手机号';
}

/** A birth date (YYYY-MM-DD) that is picked, not in the future and not over 120 years ago. */
export function checkBirthDate(birthDate: string, today: string = todayInShanghai()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return '请选择出生日期';
  return isPlausibleBirthDate(birthDate, today) ? null : '出生日期不正确';
}

/** Today in Asia/Shanghai, the last date a birth-date picker offers. */
export { todayInShanghai };

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Keeps only the fields that have a message; an empty object means the form is fine. */
export function collectErrors<F extends string>(checks: Record<F, string | null>): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const [field, message] of Object.entries(checks) as [F, string | null][]) {
    if (message) errors[field] = message;
  }
  return errors;
}
