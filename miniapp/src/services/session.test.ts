import { getStorageSync, login, request, resetTaroMock, setStorageSync } from '../../../tests/helpers/taro-mock';
import { apiError, serveApi } from '../../../tests/helpers/miniapp-api';
import { readActingFor, resetActingForCache, startActingFor } from './acting-for';
import { createApiClient, TOKEN_STORAGE_KEY } from './api';
import {
  clearSession,
  installSessionRefresh,
  loginWithCode,
  loginWithWechat,
  newcomerCode,
  refreshSession,
  REFRESH_TOKEN_STORAGE_KEY,
  resetSessionCache,
  sessionUserId,
} from './session';

const session = (userId: string, n = 1) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  userId,
});

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetActingForCache();
});

describe('session', () => {
  it('keeps both tokens and the user after a login', async () => {
    const sent = serveApi({ 'POST /auth/wechat': session('u-1') });

    await loginWithCode('dev:resident');

    expect(sent[0]!.data).toEqual({ code: 'dev:resident' });
    expect(sessionUserId()).toBe('u-1');
    expect(getStorageSync(TOKEN_STORAGE_KEY)).toBe('access-1');
    expect(getStorageSync(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-1');
  });

  it('logs in through WeChat with the code wx.login gives', async () => {
    const sent = serveApi({ 'POST /auth/wechat': session('u-9') });

    await loginWithWechat();

    expect(login).toHaveBeenCalledTimes(1);
    expect(sent[0]!.data).toEqual({ code: 'wx-login-code' });
    expect(sessionUserId()).toBe('u-9');
  });

  it('makes up a fresh newcomer code the local stack accepts', () => {
    expect(newcomerCode()).toMatch(/^dev:new-[a-z]{8}$/);
    expect(newcomerCode()).not.toBe(newcomerCode());
  });

  it('exchanges the refresh token for new tokens', async () => {
    serveApi({ 'POST /auth/wechat': session('u-1', 1), 'POST /auth/refresh': session('u-1', 2) });
    await loginWithCode('dev:resident');

    await expect(refreshSession()).resolves.toBe('access-2');
    expect(request.mock.calls[1]![0].data).toEqual({ refreshToken: 'refresh-1' });
    expect(getStorageSync(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-2');
  });

  it('ends the session and sends the person to login when the refresh token is refused', async () => {
    serveApi({ 'POST /auth/wechat': session('u-1'), 'POST /auth/refresh': apiError(401, 'REFRESH_TOKEN_INVALID') });
    const expired = jest.fn();
    installSessionRefresh(expired);
    await loginWithCode('dev:resident');
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1' });

    await expect(refreshSession()).resolves.toBeNull();

    expect(sessionUserId()).toBeNull();
    expect(getStorageSync(TOKEN_STORAGE_KEY)).toBe('');
    expect(readActingFor()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the refresh fails for want of a network', async () => {
    serveApi({ 'POST /auth/wechat': session('u-1') });
    const expired = jest.fn();
    installSessionRefresh(expired);
    await loginWithCode('dev:resident');
    request.mockRejectedValue(new Error('request:fail'));

    await expect(refreshSession()).resolves.toBeNull();

    expect(sessionUserId()).toBe('u-1');
    expect(expired).not.toHaveBeenCalled();
  });

  it('lets the API client retry an expired call with the refreshed token', async () => {
    setStorageSync(TOKEN_STORAGE_KEY, 'old');
    setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh-1');
    const client = createApiClient({ baseUrl: '/api', sleep: () => Promise.resolve() });
    client.setTokenRefresher(refreshSession);
    serveApi({
      'GET /me': (sent) =>
        sent.header.Authorization === 'Bearer access-2' ? { userId: 'u-1' } : apiError(401, 'TOKEN_EXPIRED'),
      'POST /auth/refresh': session('u-1', 2),
    });

    await expect(client.call('getMe')).resolves.toEqual({ userId: 'u-1' });
  });

  it('does not carry 代办 over to another user who logs in on the same phone', async () => {
    serveApi({
      'POST /auth/wechat': (sent) => session((sent.data as { code: string }).code === 'dev:a' ? 'u-a' : 'u-b'),
    });
    await loginWithCode('dev:a');
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-a' });

    await loginWithCode('dev:b');

    expect(readActingFor()).toBeNull();
  });

  it('forgets everything on logout', async () => {
    serveApi({ 'POST /auth/wechat': session('u-1') });
    await loginWithCode('dev:resident');

    clearSession();

    expect(sessionUserId()).toBeNull();
    expect(getStorageSync(REFRESH_TOKEN_STORAGE_KEY)).toBe('');
  });
});
