/**
 * A small stand-in for @tarojs/taro in component tests (jest maps the module here).
 * Network and UI calls are jest.fn()s the tests script and inspect; storage is an in-memory map.
 */
import { useEffect, useRef } from 'react';

type AnyFn = (...args: any[]) => any;

const storage = new Map<string, unknown>();
const ok = (name: string) => () => Promise.resolve({ errMsg: `${name}:ok` });

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  WEB: 'WEB',
  RN: 'RN',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
} as const;

export const request = jest.fn<Promise<{ statusCode: number; data: unknown; header?: object }>, [any]>();
export const showToast = jest.fn(ok('showToast'));
export const hideToast = jest.fn(ok('hideToast'));
export const showModal = jest.fn(() => Promise.resolve({ errMsg: 'showModal:ok', confirm: true, cancel: false }));
export const showLoading = jest.fn(ok('showLoading'));
export const hideLoading = jest.fn(ok('hideLoading'));
export const switchTab = jest.fn(ok('switchTab'));
export const navigateTo = jest.fn(ok('navigateTo'));
export const redirectTo = jest.fn(ok('redirectTo'));
export const navigateBack = jest.fn(ok('navigateBack'));
export const reLaunch = jest.fn(ok('reLaunch'));
export const setTabBarBadge = jest.fn(ok('setTabBarBadge'));
export const removeTabBarBadge = jest.fn(ok('removeTabBarBadge'));
export const stopPullDownRefresh = jest.fn(ok('stopPullDownRefresh'));
export const login = jest.fn(() => Promise.resolve({ errMsg: 'login:ok', code: 'wx-login-code' }));
export const makePhoneCall = jest.fn(ok('makePhoneCall'));
/** The page stack; a test that needs pages to go back to sets its own return value. */
export const getCurrentPages = jest.fn((): { route: string }[] => []);

export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''));
/** WeChat's app info; fontSizeSetting 17 is WeChat's standard text size (tests set larger). */
export const getAppBaseInfo = jest.fn(() => ({ fontSizeSetting: 17 }));
/** What was last put on the clipboard. */
export const setClipboardData = jest.fn((_: { data: string }) => Promise.resolve({ errMsg: 'setClipboardData:ok' }));
/** The share card a page declared with useShareAppMessage (the last one rendered). */
export const useShareAppMessage = jest.fn((_: AnyFn) => undefined);
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});
export const clearStorageSync = jest.fn(() => storage.clear());

export const getEnv = () => ENV_TYPE.WEB;
export const pxTransform = (size: number) => `${size / 2}px`;
export const nextTick = (fn: AnyFn) => setTimeout(fn, 0);
export const getSystemInfoSync = () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'devtools' });
export const getSystemInfo = () => Promise.resolve(getSystemInfoSync());
export const createSelectorQuery = () => {
  const query = {
    select: () => query,
    selectAll: () => query,
    boundingClientRect: () => query,
    scrollOffset: () => query,
    fields: () => query,
    exec: (cb?: AnyFn) => cb?.([]),
  };
  return query;
};
export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn(), once: jest.fn() };
export const getCurrentInstance = () => ({ router: { params: {}, path: '' }, page: null });

// Page lifecycle hooks: a component test has no page around it, so they do nothing, except
// useDidShow, whose callbacks a test runs with showPage() (the page showing again).
const noopHook = (_fn?: AnyFn) => undefined;
const didShow = new Set<{ current: AnyFn }>();
export function useDidShow(fn: AnyFn): void {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    didShow.add(latest);
    return () => {
      didShow.delete(latest);
    };
  }, []);
}
/** Runs the useDidShow callbacks of everything rendered, as when the page shows again. */
export function showPage(): void {
  didShow.forEach((hook) => hook.current());
}
export const useDidHide = noopHook;
export const useLoad = noopHook;
export const useReady = noopHook;
export const useUnload = noopHook;
export const useLaunch = noopHook;
export const usePageScroll = noopHook;
export const usePullDownRefresh = noopHook;
export const useRouter = () => getCurrentInstance().router;

/** Every Taro API the tests watch: resetTaroMock forgets their calls, the default export offers them. */
const recordedApis = {
  request,
  setClipboardData,
  showToast,
  hideToast,
  showModal,
  showLoading,
  hideLoading,
  switchTab,
  navigateTo,
  redirectTo,
  navigateBack,
  reLaunch,
  setTabBarBadge,
  removeTabBarBadge,
  stopPullDownRefresh,
  login,
  makePhoneCall,
  getCurrentPages,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  getAppBaseInfo,
};

/** Empties the storage and forgets every call; call it in beforeEach. */
export function resetTaroMock(): void {
  storage.clear();
  for (const fn of [...Object.values(recordedApis), useShareAppMessage]) fn.mockClear();
  request.mockReset();
}

const Taro = {
  ENV_TYPE,
  ...recordedApis,
  getEnv,
  pxTransform,
  nextTick,
  getSystemInfoSync,
  getSystemInfo,
  createSelectorQuery,
  eventCenter,
  getCurrentInstance,
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useUnload,
  useLaunch,
  usePageScroll,
  usePullDownRefresh,
  useRouter,
};

export default Taro;
