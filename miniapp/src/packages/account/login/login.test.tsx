import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getStorageSync, navigateBack, switchTab } from '../../../../../tests/helpers/taro-mock';
import { apiError, serveApi } from '../../../../../tests/helpers/miniapp-api';
import { newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { sessionUserId } from '../../../services/session';
import LoginPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

const devLogins = {
  users: [
    { code: 'dev:resident', name: '王桂芳', roleLabel: '居民（1号楼1单元302）' },
    { code: 'dev:staff', name: '刘晶', roleLabel: '社区工作人员' },
  ],
};

const session = { accessToken: 'access', refreshToken: 'refresh', expiresIn: 900, userId: 'u-1' };

beforeEach(() => {
  resetClientState();
});

describe('login page (local dev)', () => {
  it('lists the demo users from GET /auth/dev-logins as large buttons, and a newcomer', async () => {
    serveApi({ 'GET /auth/dev-logins': devLogins });

    render(<LoginPage />);

    expect(await screen.findByRole('button', { name: /^王桂芳/ })).toBeTruthy();
    expect(screen.getByText('居民（1号楼1单元302）')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^刘晶/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^以新居民身份体验/ })).toBeTruthy();
  });

  it('logs in with the chosen demo code, keeps the session and returns to 我的', async () => {
    const sent = serveApi({
      'GET /auth/dev-logins': devLogins,
      'POST /auth/wechat': session,
      'GET /me': newcomer(),
    });
    render(<LoginPage />);

    fireEvent.click(await screen.findByRole('button', { name: /^刘晶/ }));

    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
    expect(sent.find((r) => r.path === '/auth/wechat')?.data).toEqual({ code: 'dev:staff' });
    expect(sessionUserId()).toBe('u-1');
    expect(getStorageSync(TOKEN_STORAGE_KEY)).toBe('access');
    expect(navigateBack).not.toHaveBeenCalled();
  });

  it('logs a newcomer in with a fresh dev:new- code', async () => {
    const sent = serveApi({ 'GET /auth/dev-logins': devLogins, 'POST /auth/wechat': session, 'GET /me': newcomer() });
    render(<LoginPage />);

    fireEvent.click(await screen.findByRole('button', { name: /^以新居民身份体验/ }));

    await waitFor(() => expect(sessionUserId()).toBe('u-1'));
    expect((sent.find((r) => r.path === '/auth/wechat')?.data as { code: string }).code).toMatch(/^dev:new-[a-z]{8}$/);
  });

  it('says so when the server is not in dev mode', async () => {
    serveApi({ 'GET /auth/dev-logins': apiError(404, 'DEV_MODE_OFF') });

    render(<LoginPage />);

    expect(await screen.findByText('演示账号只在本地开发模式下可用')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^以新居民身份体验/ })).toBeNull();
  });
});
