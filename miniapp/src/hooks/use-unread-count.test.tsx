import { act, render, screen, waitFor } from '@testing-library/react';
import {
  removeTabBarBadge,
  resetTaroMock,
  setStorageSync,
  setTabBarBadge,
  showPage,
  showToast,
} from '../../../tests/helpers/taro-mock';
import { apiError, serveApi } from '../../../tests/helpers/miniapp-api';
import { accessTokenWith, residentGrant } from '../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../services/api';
import { clearSession, REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../services/session';
import { MINE_TAB_INDEX, resetUnreadStore } from '../services/unread';
import { useUnreadCount } from './use-unread-count';

function Count() {
  return <span>未读 {useUnreadCount()}</span>;
}

function signIn() {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith([residentGrant]));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, 'u-1');
  resetSessionCache();
}

/** The server's count, changed by the test between page shows. */
function serveCount(initial: number | (() => object)) {
  let unread = initial;
  const sent = serveApi({
    'GET /me/messages/unread-count': () => (typeof unread === 'function' ? unread() : { unread }),
  });
  return { sent, set: (next: number | (() => object)) => (unread = next) };
}

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetUnreadStore();
});

describe('unread count and the 我的 tab badge', () => {
  it('shows the count on the 我的 tab once signed in, and asks again each time the page shows', async () => {
    signIn();
    const server = serveCount(3);

    render(<Count />);

    expect(await screen.findByText('未读 3')).toBeTruthy();
    expect(setTabBarBadge).toHaveBeenLastCalledWith({ index: MINE_TAB_INDEX, text: '3' });

    server.set(120);
    act(() => showPage());
    expect(await screen.findByText('未读 120')).toBeTruthy();
    expect(setTabBarBadge).toHaveBeenLastCalledWith({ index: MINE_TAB_INDEX, text: '99+' });

    server.set(0);
    act(() => showPage());
    expect(await screen.findByText('未读 0')).toBeTruthy();
    expect(removeTabBarBadge).toHaveBeenLastCalledWith({ index: MINE_TAB_INDEX });
  });

  it('asks nothing while signed out, and removes the badge on logout', async () => {
    const server = serveCount(2);
    render(<Count />);
    act(() => showPage());
    expect(server.sent).toHaveLength(0);
    expect(screen.getByText('未读 0')).toBeTruthy();

    act(() => signIn());
    act(() => showPage());
    expect(await screen.findByText('未读 2')).toBeTruthy();
    removeTabBarBadge.mockClear();

    act(() => clearSession());

    expect(await screen.findByText('未读 0')).toBeTruthy();
    expect(removeTabBarBadge).toHaveBeenCalledWith({ index: MINE_TAB_INDEX });
  });

  it('keeps the last count, quietly, when the server cannot answer', async () => {
    signIn();
    const server = serveCount(4);
    render(<Count />);
    expect(await screen.findByText('未读 4')).toBeTruthy();

    server.set(() => apiError(500, 'INTERNAL'));
    act(() => showPage());

    await waitFor(() => expect(server.sent.length).toBeGreaterThanOrEqual(2));
    expect(screen.getByText('未读 4')).toBeTruthy();
    expect(showToast).not.toHaveBeenCalled();
  });

  it('puts the badge on the tab that app.config.ts lists as 我的', () => {
    (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config module reads the global above
    const config = require('../app.config').default as { tabBar: { list: { pagePath: string; text: string }[] } };

    expect(config.tabBar.list[MINE_TAB_INDEX]).toMatchObject({ pagePath: 'pages/mine/index', text: '我的' });
  });
});
