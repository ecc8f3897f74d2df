/**
 * 代办: the dependent the signed-in person is acting for, if any. Kept in storage so it survives
 * a restart, and shared by every page (the banner) and the API client (the X-Acting-For header).
 */
import Taro from '@tarojs/taro';

/** Storage key of the dependent being acted for. */
export const ACTING_FOR_STORAGE_KEY = 'linli:acting-for';

/** Whom the person acts for, as confirmed by GET /members/:memberId when they chose them. */
export interface ActingFor {
  memberId: string;
  realName: string;
  age: number;
  /** The caregiver's user id: another login never inherits someone else's 代办. */
  userId: string;
  /**
   * `staff` when a community worker acts for a member of their community (booking a seat for an
   * elder without WeChat); absent for a caregiver, whose right comes from the dependent link.
   */
  via?: 'staff';
}

let current: ActingFor | null | undefined;
/** Whom the person stopped acting for on this run of the app, until a 403 has been explained. */
let leftFrom: ActingFor | null = null;
const listeners = new Set<() => void>();

function isActingFor(value: unknown): value is ActingFor {
  const v = value as Partial<ActingFor> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.memberId === 'string' &&
    typeof v.realName === 'string' &&
    typeof v.age === 'number' &&
    typeof v.userId === 'string' &&
    (v.via === undefined || v.via === 'staff')
  );
}

/** The dependent being acted for, or null. */
export function readActingFor(): ActingFor | null {
  if (current === undefined) {
    try {
      const stored: unknown = Taro.getStorageSync(ACTING_FOR_STORAGE_KEY);
      current = isActingFor(stored) ? stored : null;
    } catch {
      current = null;
    }
  }
  return current;
}

function write(next: ActingFor | null): void {
  current = next;
  try {
    if (next) Taro.setStorageSync(ACTING_FOR_STORAGE_KEY, next);
    else Taro.removeStorageSync(ACTING_FOR_STORAGE_KEY);
  } catch {
    // Storage unavailable: the choice still holds until the app closes.
  }
  listeners.forEach((listener) => listener());
}

/** Starts acting for a dependent. */
export function startActingFor(subject: ActingFor): void {
  leftFrom = null;
  write(subject);
}

/** Stops acting for anyone (退出代办, logout, or a link that is no longer active). */
export function stopActingFor(): void {
  const acting = readActingFor();
  if (acting === null) return;
  leftFrom = acting;
  write(null);
}

/**
 * Whom the person acted for until they left 代办 on this run of the app, once: a page opened for
 * that person now answers 403, and the client explains why instead of failing silently.
 */
export function takeLeftActingFor(): ActingFor | null {
  const left = leftFrom;
  leftFrom = null;
  return left;
}

/** Re-renders subscribers when the choice changes. */
export function subscribeActingFor(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets the cached value so the next read comes from storage (tests). */
export function resetActingForCache(): void {
  current = undefined;
  leftFrom = null;
}
