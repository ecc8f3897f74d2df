/**
 * How many of my messages are unread, shared by 我的 (its 消息 entry), the 消息 page and the
 * badge on the 我的 tab. Refreshed when the app or one of those pages shows; no polling.
 */
import Taro from '@tarojs/taro';
import { api } from './api';
import { sessionUserId, subscribeSession } from './session';

/** Position of 我的 in app.config.ts's tabBar list (a component test checks they agree). */
export const MINE_TAB_INDEX = 4;

let unread = 0;
let stateUserId: string | null = null;
let inflight: Promise<number | undefined> | null = null;
const listeners = new Set<() => void>();

/** The tab bar shows at most three characters. */
export const badgeText = (count: number): string => (count > 99 ? '99+' : String(count));

/**
 * Puts the count on the 我的 tab. WeChat refuses tab bar calls while a non-tab page is on top and
 * H5 answers only once its tab bar is drawn, so a failure is left for the next page show to fix.
 */
function showOnTabBar(count: number): void {
  try {
    const done =
      count > 0
        ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: badgeText(count) })
        : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX });
    void Promise.resolve(done).catch(() => undefined);
  } catch {
    // No tab bar on this platform or page.
  }
}

/** Sets the count (from any answer that carries it) and the tab badge. */
export function setUnread(count: number): void {
  const next = Math.max(0, Math.floor(count));
  const changed = next !== unread;
  unread = next;
  showOnTabBar(next);
  if (changed) listeners.forEach((listener) => listener());
}

/** One message was just read here; the server lowers its own count too. */
export function markOneRead(): void {
  setUnread(unread - 1);
}

export function readUnread(): number {
  return unread;
}

export function subscribeUnread(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Signed out, or someone else signed in: the count was someone else's.
subscribeSession(() => {
  if (sessionUserId() === stateUserId) return;
  stateUserId = sessionUserId();
  inflight = null;
  setUnread(0);
});

/** Asks the server (one request at a time); resolves with the count, or undefined when it could not. */
export function loadUnread(): Promise<number | undefined> {
  const userId = sessionUserId();
  if (!userId) {
    setUnread(0);
    return Promise.resolve(0);
  }
  if (inflight) return inflight;
  stateUserId = userId;
  // A badge is not worth a toast: a failed count keeps the last one until the next show.
  const request: Promise<number | undefined> = api.call('unreadCount', { toast: false }).then(
    (answer) => {
      if (inflight !== request) return undefined;
      setUnread(answer.unread);
      return answer.unread;
    },
    () => undefined,
  );
  inflight = request;
  void request.finally(() => {
    if (inflight === request) inflight = null;
  });
  return request;
}

/** Forgets everything (tests). */
export function resetUnreadStore(): void {
  unread = 0;
  stateUserId = null;
  inflight = null;
}
