import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { SUB_PAGES } from './constants';
import { chooseCommunity, communityFromLaunch } from './services/current-community';
import { installPrivacyAuthorization } from './services/privacy-consent';
import { installSessionRefresh } from './services/session';
import { loadUnread } from './services/unread';
import './app.css';
import './platform-styles';
import './platform-a11y';

/** A session that can no longer be refreshed ends on the login page (once, not per failed call). */
function sendToLogin(): void {
  const pages = Taro.getCurrentPages();
  const route = (pages[pages.length - 1]?.route ?? '').replace(/^\/+/, '');
  if (`/${route}` === SUB_PAGES.login) return;
  void Taro.navigateTo({ url: SUB_PAGES.login });
}

installSessionRefresh(sendToLogin);
// WeChat's privacy requests get Linli's own sheet; an agreement is recorded once signed in.
installPrivacyAuthorization();

/** The query a launch carries: WeChat's launch options, or on H5 the link's parameters. */
function launchQuery(options: { query?: Record<string, string> } | undefined): Record<string, string> {
  if (process.env.TARO_ENV !== 'h5') return options?.query ?? {};
  const { search, hash } = window.location;
  const params = new URLSearchParams(`${search.slice(1)}&${hash.split('?')[1] ?? ''}`);
  return Object.fromEntries(params.entries());
}

/** The app root; `children` is the page being shown. */
function App({ children }: PropsWithChildren) {
  // A poster code (小程序码 scene) or link names the community the app opens in.
  useLaunch((options) => {
    const communityId = communityFromLaunch(launchQuery(options));
    if (communityId) chooseCommunity(communityId);
  });
  // Messages may have arrived while the app was in the background: the 我的 tab shows how many.
  useDidShow(() => {
    void loadUnread();
  });
  return children;
}

export default App;
