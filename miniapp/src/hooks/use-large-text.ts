import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

/** Storage key of the 大字模式 preference. */
export const LARGE_TEXT_STORAGE_KEY = 'linli:large-text';

let current: boolean | undefined;
const listeners = new Set<() => void>();

/**
 * H5 draws the tab bar, modals and pickers outside every page: a class on <body> lets them grow
 * with 大字模式 too. In the mini-program those are WeChat's own and follow its font setting.
 */
function markBody(on: boolean): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.body?.classList.toggle('linli-large', on);
}

/** WeChat's standard text size is 17px; a person who chose anything larger in WeChat starts in 大字模式. */
export const WECHAT_STANDARD_FONT_PX = 17;

/** The text size the person chose in WeChat (我-设置-通用-字体大小), read at launch. */
export function wechatPrefersLargeText(): boolean {
  try {
    // getAppBaseInfo, not the deprecated getSystemInfoSync; H5 has neither setting nor API.
    // Taro's typing of the result omits fontSizeSetting, which WeChat documents (px).
    const info = Taro.getAppBaseInfo?.() as { fontSizeSetting?: number } | undefined;
    const size = info?.fontSizeSetting;
    return typeof size === 'number' && size > WECHAT_STANDARD_FONT_PX;
  } catch {
    return false;
  }
}

function read(): boolean {
  if (current === undefined) {
    try {
      const chosen: unknown = Taro.getStorageSync(LARGE_TEXT_STORAGE_KEY);
      // The person's own choice in Linli wins; until they make one, follow WeChat's text size.
      current = typeof chosen === 'boolean' ? chosen : wechatPrefersLargeText();
    } catch {
      current = false;
    }
    markBody(current);
  }
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Turns 大字模式 on or off, persists it and re-renders every page that shows it. */
export function setLargeText(on: boolean): void {
  current = on;
  markBody(on);
  try {
    Taro.setStorageSync(LARGE_TEXT_STORAGE_KEY, on);
  } catch {
    // Storage full or unavailable: the mode still applies until the app closes.
  }
  listeners.forEach((listener) => listener());
}

/** Forgets the cached value so the next read comes from storage (tests). */
export function resetLargeTextCache(): void {
  current = undefined;
}

/** 大字模式: whether it is on, and a setter shared by all pages. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, read);
  return [on, setLargeText];
}
