import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '@linli/shared/errors';
import { devSessionExchanger, wechatCode2Session } from '../../functions/src/identity/wechat-session';

interface SeenRequest {
  method: string;
  pathname: string;
  query: Record<string, string>;
}

interface FakeWechat {
  baseUrl: string;
  seen: SeenRequest[];
  close: () => Promise<void>;
}

/** Stands in for api.weixin.qq.com on 127.0.0.1, recording every request it receives. */
function fakeWechat(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<FakeWechat> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    seen.push({ method: req.method ?? '', pathname: url.pathname, query: Object.fromEntries(url.searchParams) });
    handler(req, res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/** A handler that answers every request with the given JSON body. */
const answerJson =
  (body: unknown, status = 200) =>
  (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

const config = { appId: 'wx-app-id', appSecret: 'wx-app-secret' };

/** Runs the exchange and returns the DomainError it rejects with (fails the test otherwise). */
async function exchangeError(baseUrl: string, code = 'login-code', timeoutMs?: number): Promise<DomainError> {
  const error: unknown = await wechatCode2Session({ ...config, baseUrl, timeoutMs })
    .exchange(code)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('wechatCode2Session against a fake WeChat server', () => {
  let wechat: FakeWechat | undefined;

  afterEach(async () => {
    await wechat?.close();
    wechat = undefined;
  });

  it('returns openid and unionid, asking GET /sns/jscode2session with the app credentials and the code', async () => {
    wechat = await fakeWechat(answerJson({ openid: 'o-123', unionid: 'u-456', session_key: 'secret-session-key' }));

    const identity = await wechatCode2Session({ ...config, baseUrl: wechat.baseUrl }).exchange('the-login-code');

    expect(identity).toEqual({ openid: 'o-123', unionid: 'u-456' });
    expect(wechat.seen).toEqual([
      {
        method: 'GET',
        pathname: '/sns/jscode2session',
        query: {
          appid: 'wx-app-id',
          secret: 'wx-app-secret',
          js_code: 'the-login-code',
          grant_type: 'authorization_code',
        },
      },
    ]);
  });

  it('never hands back the session_key', async () => {
    wechat = await fakeWechat(answerJson({ openid: 'o-123', session_key: 'secret-session-key' }));

    const identity = await wechatCode2Session({ ...config, baseUrl: wechat.baseUrl }).exchange('the-login-code');

    expect(identity).not.toHaveProperty('session_key');
    expect(JSON.stringify(identity)).not.toContain('secret-session-key');
  });

  it('refuses an invalid code (40029) as WECHAT_CODE_INVALID 401', async () => {
    wechat = await fakeWechat(answerJson({ errcode: 40029, errmsg: 'invalid code' }));

    const error = await exchangeError(wechat.baseUrl);

    expect(error.code).toBe('WECHAT_CODE_INVALID');
    expect(error.status).toBe(401);
  });

  it('refuses a code already used (40163) as WECHAT_CODE_INVALID 401', async () => {
    wechat = await fakeWechat(answerJson({ errcode: 40163, errmsg: 'code been used' }));

    const error = await exchangeError(wechat.baseUrl);

    expect(error.code).toBe('WECHAT_CODE_INVALID');
    expect(error.status).toBe(401);
  });

  it('reports WeChat rate limiting (45011) as WECHAT_RATE_LIMITED 429', async () => {
    wechat = await fakeWechat(answerJson({ errcode: 45011, errmsg: 'api minute-quota reach limit' }));

    const error = await exchangeError(wechat.baseUrl);

    expect(error.code).toBe('WECHAT_RATE_LIMITED');
    expect(error.status).toBe(429);
  });

  it('refuses a high-risk user (40226) as WECHAT_USER_BLOCKED 403', async () => {
    wechat = await fakeWechat(answerJson({ errcode: 40226, errmsg: 'high risk user' }));

    const error = await exchangeError(wechat.baseUrl);

    expect(error.code).toBe('WECHAT_USER_BLOCKED');
    expect(error.status).toBe(403);
  });

  it('reports WeChat being busy (-1) as WECHAT_UNAVAILABLE 503', async () => {
    wechat = await fakeWechat(answerJson({ errcode: -1, errmsg: 'system error' }));

    const error = await exchangeError(wechat.baseUrl);

    expect(error.code).toBe('WECHAT_UNAVAILABLE');
    expect(error.status).toBe(503);
  });

  it('reports an HTTP 502 from WeChat as WECHAT_UNAVAILABLE', async () => {
    wechat = await fakeWechat((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
    });

    const error = await exchangeError(wechat.baseUrl);

    expect(error.code).toBe('WECHAT_UNAVAILABLE');
    expect(error.status).toBe(503);
  });

  it('reports a refused connection as WECHAT_UNAVAILABLE', async () => {
    const dead = await fakeWechat(answerJson({ openid: 'never' }));
    await dead.close();

    const error = await exchangeError(dead.baseUrl);

    expect(error.code).toBe('WECHAT_UNAVAILABLE');
    expect(dead.seen).toHaveLength(0);
  });

  it('gives up on a server slower than timeoutMs with WECHAT_UNAVAILABLE', async () => {
    wechat = await fakeWechat(() => {
      // Never answers: the adapter's timeout must end the wait.
    });
    const started = Date.now();

    const error = await exchangeError(wechat.baseUrl, 'login-code', 200);

    expect(error.code).toBe('WECHAT_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(wechat.seen).toHaveLength(1);
  });

  it('reports a 200 answer without an openid as WECHAT_UNAVAILABLE', async () => {
    wechat = await fakeWechat(answerJson({ session_key: 'k' }));

    const error = await exchangeError(wechat.baseUrl);

    expect(error.code).toBe('WECHAT_UNAVAILABLE');
  });

  it('reports a 200 answer that is not JSON as WECHAT_UNAVAILABLE', async () => {
    wechat = await fakeWechat((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('not json');
    });

    const error = await exchangeError(wechat.baseUrl);

    expect(error.code).toBe('WECHAT_UNAVAILABLE');
  });
});

describe('devSessionExchanger', () => {
  it('logs dev:resident in as openid dev-resident', async () => {
    const identity = await devSessionExchanger().exchange('dev:resident');

    expect(identity).toEqual({ openid: 'dev-resident' });
  });

  it.each([
    ['uppercase letters', 'dev:Resident'],
    ['spaces', 'dev:old resident'],
    ['surrounding spaces', ' dev:resident '],
    ['another prefix', 'prod:resident'],
    ['no prefix', 'resident'],
    ['an empty name', 'dev:'],
    ['a name over 40 characters', `dev:${'a'.repeat(41)}`],
  ])('refuses a code with %s as WECHAT_CODE_INVALID', async (_case, code) => {
    const error: unknown = await devSessionExchanger()
      .exchange(code)
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('WECHAT_CODE_INVALID');
  });

  it('accepts a name of exactly 40 characters', async () => {
    const name = 'a'.repeat(40);

    const identity = await devSessionExchanger().exchange(`dev:${name}`);

    expect(identity.openid).toBe(`dev-${name}`);
  });
});
