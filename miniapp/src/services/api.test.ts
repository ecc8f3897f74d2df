import type { RouteId } from '@linli/shared/contract';
import {
  navigateBack,
  request,
  resetTaroMock,
  setStorageSync,
  showModal,
  showToast,
} from '../../../tests/helpers/taro-mock';
import { ApiError, type ApiClientOptions, createApiClient, NETWORK_ERROR, TOKEN_STORAGE_KEY } from './api';
import { readActingFor, resetActingForCache, startActingFor, stopActingFor } from './acting-for';
import { clientRoutes } from './routes.gen';

const BASE = 'http://api.test';

const reply = (statusCode: number, data: unknown = null) => Promise.resolve({ statusCode, data, header: {} });
const errorReply = (statusCode: number, code: string, message = 'server words') =>
  reply(statusCode, { error: { code, message } });

const community = {
  id: 'anjuyuan',
  name: '安居苑社区',
  city: '银川市',
  district: '金凤区',
  address: '安居苑小区',
  grids: [],
};

function client(extra: Partial<ApiClientOptions> = {}) {
  const sleep = jest.fn((_ms: number) => Promise.resolve());
  return { api: createApiClient({ baseUrl: BASE, sleep, ...extra }), sleep };
}

/** The contract has no idempotent route yet, so these tests bring their own. */
const withSeatRoute = () => ({
  ...clientRoutes,
  reserveSeat: { method: 'POST', path: '/seats', idempotent: true, auth: true, actingFor: false } as const,
});

/** No contract route allows 代办 yet, so these tests bring one that does. */
const withMealRoute = () => ({
  ...clientRoutes,
  orderMeal: { method: 'POST', path: '/meals', idempotent: true, auth: true, actingFor: true } as const,
});

const actForLi = () => startActingFor({ memberId: 'm-li-xiuying', realName: '李秀英', age: 86, userId: 'u-resident' });

function requestOptions(call: number) {
  return request.mock.calls[call]![0] as {
    url: string;
    method: string;
    header: Record<string, string>;
    data?: unknown;
  };
}

beforeEach(() => {
  resetTaroMock();
  resetActingForCache();
});

describe('api client', () => {
  it('fills the path and returns the reply of a success', async () => {
    request.mockReturnValueOnce(reply(200, community));
    const { api } = client();

    const result = await api.call('getCommunity', { params: { id: 'an ju' } });

    expect(result).toEqual(community);
    expect(requestOptions(0)).toMatchObject({ url: `${BASE}/community/an%20ju`, method: 'GET' });
  });

  it('retries a 503 with growing backoff and then succeeds', async () => {
    request
      .mockReturnValueOnce(errorReply(503, 'SERVICE_UNAVAILABLE'))
      .mockReturnValueOnce(errorReply(503, 'SERVICE_UNAVAILABLE'))
      .mockReturnValueOnce(reply(200, community));
    const { api, sleep } = client();

    const result = await api.call('getCommunity', { params: { id: 'anjuyuan' } });

    expect(result).toEqual(community);
    expect(request).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([300, 600]);
    expect(showToast).not.toHaveBeenCalled();
  });

  it('retries network errors and gives up after three tries with a Chinese message', async () => {
    request.mockRejectedValue(new Error('request:fail timeout'));
    const { api } = client();

    const failure = api.call('health');

    await expect(failure).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
    expect(request).toHaveBeenCalledTimes(3);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后再试' }));
  });

  it('waits as long as the server asks in Retry-After before trying a 503 again', async () => {
    request
      .mockReturnValueOnce(
        Promise.resolve({
          statusCode: 503,
          data: { error: { code: 'SERVICE_UNAVAILABLE', message: 'busy' } },
          header: { 'Retry-After': '2' },
        }),
      )
      .mockReturnValueOnce(reply(200, community));
    const { api, sleep } = client();

    await expect(api.call('getCommunity', { params: { id: 'anjuyuan' } })).resolves.toEqual(community);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([2000]);
  });

  it('retries an idempotent write still in progress with the same key, and gets its first answer', async () => {
    request
      .mockReturnValueOnce(errorReply(503, 'SERVICE_UNAVAILABLE'))
      .mockReturnValueOnce(errorReply(409, 'IDEMPOTENCY_IN_PROGRESS'))
      .mockReturnValueOnce(reply(201, { seat: 7 }));
    const { api } = client({ routes: withSeatRoute() });

    await expect(api.call('reserveSeat' as RouteId, { body: {} } as never)).resolves.toEqual({ seat: 7 });
    const keys = [0, 1, 2].map((i) => requestOptions(i).header['Idempotency-Key']);
    expect(new Set(keys).size).toBe(1);
    expect(showToast).not.toHaveBeenCalled();
  });

  it('tells a person calmly, in Chinese, that the system is busy when 503s persist', async () => {
    request.mockImplementation(() => errorReply(503, 'SERVICE_UNAVAILABLE', 'Service Unavailable'));
    const { api } = client();

    await expect(api.call('health')).rejects.toMatchObject({ message: '系统正忙，请稍等片刻再试' });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '系统正忙，请稍等片刻再试' }));
  });

  it('stops after three 503 answers and reports the service as busy', async () => {
    request.mockImplementation(() => errorReply(503, 'SERVICE_UNAVAILABLE'));
    const { api } = client();

    await expect(api.call('health')).rejects.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(request).toHaveBeenCalledTimes(3);
  });

  it('does not retry a 400 and throws a typed ApiError', async () => {
    request.mockReturnValueOnce(
      reply(400, { error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ path: 'id' }] } }),
    );
    const { api, sleep } = client();

    const error: unknown = await api.call('getCommunity', { params: { id: '!' } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '填写的信息有误，请检查后再试',
      details: [{ path: 'id' }],
    });
    expect(request).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('does not retry too many wrong typed codes: asking again only meets the same limit', async () => {
    request.mockImplementation(() => errorReply(429, 'CODE_ATTEMPTS_EXCEEDED'));
    const { api, sleep } = client();

    const error: unknown = await api.call('getCommunity', { params: { id: 'x' } }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      status: 429,
      code: 'CODE_ATTEMPTS_EXCEEDED',
      message: '输入错误的码次数过多，请 1 分钟后再试',
    });
    expect(request).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('turns an error code into the Chinese toast of shared/errors', async () => {
    request.mockReturnValueOnce(errorReply(404, 'COMMUNITY_NOT_FOUND', 'community nope'));
    const { api } = client();

    await expect(api.call('getCommunity', { params: { id: 'nope' } })).rejects.toThrow('找不到该社区');
    expect(showToast).toHaveBeenCalledWith({ title: '找不到该社区', icon: 'none', duration: 2500 });
  });

  it('keeps quiet when the caller asks for no toast', async () => {
    request.mockReturnValueOnce(errorReply(500, 'INTERNAL'));
    const { api } = client();

    await expect(api.call('health', { toast: false })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(showToast).not.toHaveBeenCalled();
  });

  it('sends the stored token as a bearer token', async () => {
    setStorageSync(TOKEN_STORAGE_KEY, 'token-123');
    request.mockReturnValueOnce(reply(200, { status: 'ok' }));
    const { api } = client();

    await api.call('health');

    expect(requestOptions(0).header.Authorization).toBe('Bearer token-123');
  });

  it('sends no Authorization header without a token', async () => {
    request.mockReturnValueOnce(reply(200, { status: 'ok' }));
    const { api } = client();

    await api.call('health');

    expect(requestOptions(0).header).not.toHaveProperty('Authorization');
  });

  it('reuses one Idempotency-Key across the retries of an idempotent call', async () => {
    const routes = withSeatRoute();
    request
      .mockReturnValueOnce(errorReply(503, 'SERVICE_UNAVAILABLE'))
      .mockRejectedValueOnce(new Error('request:fail'))
      .mockReturnValueOnce(reply(201, { ok: true }));
    const { api } = client({ routes });

    await api.call('reserveSeat' as RouteId, { body: { seat: 1 } } as never);

    const keys = [0, 1, 2].map((i) => requestOptions(i).header['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Set(keys).size).toBe(1);
    expect(requestOptions(0)).toMatchObject({ method: 'POST', data: { seat: 1 } });
    expect(requestOptions(0).header['Content-Type']).toBe('application/json');
  });

  it('gives each idempotent call its own key and leaves other routes without one', async () => {
    const routes = withSeatRoute();
    request.mockImplementation(() => reply(200, {}));
    const { api } = client({ routes });

    await api.call('reserveSeat' as RouteId, { body: {} } as never);
    await api.call('reserveSeat' as RouteId, { body: {} } as never);
    await api.call('health');

    expect(requestOptions(0).header['Idempotency-Key']).not.toBe(requestOptions(1).header['Idempotency-Key']);
    expect(requestOptions(2).header).not.toHaveProperty('Idempotency-Key');
  });

  it('refreshes an expired token once through the plugged-in refresher and retries', async () => {
    setStorageSync(TOKEN_STORAGE_KEY, 'old');
    request.mockReturnValueOnce(errorReply(401, 'TOKEN_EXPIRED')).mockReturnValueOnce(reply(200, community));
    const { api } = client();
    const refresher = jest.fn(() => Promise.resolve('fresh'));
    api.setTokenRefresher(refresher);

    const result = await api.call('getCommunity', { params: { id: 'anjuyuan' } });

    expect(result).toEqual(community);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(requestOptions(1).header.Authorization).toBe('Bearer fresh');
    expect(showToast).not.toHaveBeenCalled();
  });

  it('asks the user to sign in again when the token cannot be refreshed', async () => {
    request.mockReturnValue(errorReply(401, 'TOKEN_EXPIRED'));
    const { api } = client();
    api.setTokenRefresher(() => Promise.resolve(null));

    await expect(api.call('health')).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(request).toHaveBeenCalledTimes(1);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录' }));
  });

  it('keeps the server message for a code the table does not know', async () => {
    request.mockReturnValueOnce(errorReply(409, 'SEAT_TAKEN', '座位已被预订'));
    const { api } = client();

    await expect(api.call('health')).rejects.toMatchObject({
      status: 409,
      code: 'SEAT_TAKEN',
      message: '座位已被预订',
    });
  });

  describe('代办 (X-Acting-For)', () => {
    it('sends the dependent on a route that allows acting for them', async () => {
      actForLi();
      request.mockImplementation(() => reply(201, {}));
      const { api } = client({ routes: withMealRoute() });

      await api.call('orderMeal' as RouteId, { body: {} } as never);

      expect(requestOptions(0).header['X-Acting-For']).toBe('m-li-xiuying');
    });

    it('never sends it on routes that do not allow it, even while acting', async () => {
      actForLi();
      request.mockImplementation(() => reply(200, {}));
      const { api } = client({ routes: withMealRoute() });

      await api.call('getMe');
      await api.call('applyMembership', {
        body: {
          communityId: 'anjuyuan',
          buildingId: 'b2',
          unitId: 'u1',
          room: '301',
          realName: '赵明',
          birthDate: '1960-01-01',
          phone: '13800000000',
        },
      });
      await api.call('getMember', { params: { memberId: 'm-li-xiuying' } });

      for (const i of [0, 1, 2]) expect(requestOptions(i).header).not.toHaveProperty('X-Acting-For');
    });

    it('sends nothing when the person acts for themselves', async () => {
      request.mockImplementation(() => reply(201, {}));
      const { api } = client({ routes: withMealRoute() });

      await api.call('orderMeal' as RouteId, { body: {} } as never);

      expect(requestOptions(0).header).not.toHaveProperty('X-Acting-For');
    });

    it('explains a 403 after leaving 代办 in a dialog and goes back, instead of a passing toast', async () => {
      actForLi();
      stopActingFor();
      request.mockReturnValueOnce(errorReply(403, 'FORBIDDEN'));
      const { api } = client({ routes: withMealRoute() });

      await expect(api.call('orderMeal' as RouteId, { body: {} } as never)).rejects.toMatchObject({ status: 403 });

      expect(showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '已退出代办', content: expect.stringContaining('这一页是为李秀英办理的') }),
      );
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(navigateBack).toHaveBeenCalled();
      expect(showToast).not.toHaveBeenCalled();
    });

    it('stops acting when the server says the link no longer allows it', async () => {
      actForLi();
      request.mockReturnValueOnce(errorReply(403, 'ACTING_FOR_NOT_ALLOWED'));
      const { api } = client({ routes: withMealRoute() });

      await expect(api.call('orderMeal' as RouteId, { body: {} } as never)).rejects.toMatchObject({
        code: 'ACTING_FOR_NOT_ALLOWED',
        message: '您不能代这位居民办理',
      });
      expect(readActingFor()).toBeNull();
    });
  });
});
