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

function read(): boolean {
  if (current === undefined) {
    try {
      current = Taro.getStorageSync(LARGE_TEXT_STORAGE_KEY) === true;
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
