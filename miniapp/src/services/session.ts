/**
 * The signed-in session: access and refresh tokens in storage, login (WeChat or the local demo
 * codes), refresh and logout. The API client reads the access token itself (TOKEN_STORAGE_KEY)
 * and calls `refreshSession` through the refresher installed at launch.
 */
import Taro from '@tarojs/taro';
import type { Session } from '@linli/shared/contract';
import { api, ApiError, setTokenRefresher, TOKEN_STORAGE_KEY } from './api';
import { stopActingFor } from './acting-for';

export const REFRESH_TOKEN_STORAGE_KEY = 'linli:refresh-token';
export const USER_ID_STORAGE_KEY = 'linli:user-id';

let userId: string | null | undefined;
let onExpired: (() => void) | undefined;
const listeners = new Set<() => void>();

function readString(key: string): string | undefined {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value ? value : undefined;
  } catch {
    return undefined;
  }
}

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** The signed-in user's id, or null when nobody is signed in. */
export function sessionUserId(): string | null {
  if (userId === undefined) {
    userId =
      readString(TOKEN_STORAGE_KEY) && readString(REFRESH_TOKEN_STORAGE_KEY)
        ? (readString(USER_ID_STORAGE_KEY) ?? null)
        : null;
  }
  return userId;
}

/** The stored access token, if any. */
export function accessToken(): string | undefined {
  return readString(TOKEN_STORAGE_KEY);
}

/** Keeps the tokens of a fresh session; a different user than before starts without 代办. */
export function saveSession(session: Session): void {
  if (sessionUserId() !== session.userId) stopActingFor();
  Taro.setStorageSync(TOKEN_STORAGE_KEY, session.accessToken);
  Taro.setStorageSync(REFRESH_TOKEN_STORAGE_KEY, session.refreshToken);
  Taro.setStorageSync(USER_ID_STORAGE_KEY, session.userId);
  userId = session.userId;
  notify();
}

/** Forgets the session and anything acted for under it (退出登录, or a session that ran out). */
export function clearSession(): void {
  stopActingFor();
  for (const key of [TOKEN_STORAGE_KEY, REFRESH_TOKEN_STORAGE_KEY, USER_ID_STORAGE_KEY]) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // Nothing more to do: the cache below already says signed out.
    }
  }
  userId = null;
  notify();
}

/**
 * 退出登录: asks the backend to revoke this user's refresh tokens (so a lost phone's session
 * dies), then forgets the session here even if the backend could not be reached.
 */
export async function logout(): Promise<void> {
  try {
    if (accessToken()) await api.call('logout', {});
  } catch {
    // Signed out locally all the same; the refresh token expires on its own.
  }
  clearSession();
}

/** Re-renders subscribers when someone signs in or out. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Exchanges the refresh token for new tokens (carrying the user's current roles). Returns the new
 * access token, or null. A refused refresh token ends the session and sends the person to login;
 * a network failure keeps it, so a bad signal never signs an elder out.
 */
export async function refreshSession(): Promise<string | null> {
  const refreshToken = readString(REFRESH_TOKEN_STORAGE_KEY);
  if (!refreshToken) return null;
  try {
    const session = await api.call('refreshSession', { body: { refreshToken }, toast: false });
    saveSession(session);
    return session.accessToken;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
      clearSession();
      onExpired?.();
    }
    return null;
  }
}

/** At launch: lets the API client refresh expired tokens; `expired` runs when it cannot. */
export function installSessionRefresh(expired: () => void): void {
  onExpired = expired;
  setTokenRefresher(refreshSession);
}

/** Logs in with a login code: wx.login's in WeChat, `dev:<name>` against the local stack. */
export async function loginWithCode(code: string): Promise<void> {
  saveSession(await api.call('loginWechat', { body: { code } }));
}

/** WeChat login: wx.login → POST /auth/wechat. */
export async function loginWithWechat(): Promise<void> {
  const { code } = await Taro.login();
  await loginWithCode(code);
}

/** A brand-new demo user: `dev:new-` and 8 random lowercase letters. */
export function newcomerCode(random: () => number = Math.random): string {
  let name = '';
  for (let i = 0; i < 8; i++) name += String.fromCharCode(97 + Math.floor(random() * 26));
  return `dev:new-${name}`;
}

/** Forgets the cached user so the next read comes from storage (tests). */
export function resetSessionCache(): void {
  userId = undefined;
}
