import Taro, { useDidShow } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { SUB_PAGES } from './constants';
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

/** The app root; `children` is the page being shown. */
function App({ children }: PropsWithChildren) {
  // Messages may have arrived while the app was in the background: the 我的 tab shows how many.
  useDidShow(() => {
    void loadUnread();
  });
  return children;
}

export default App;
