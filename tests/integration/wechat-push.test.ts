/**
 * WeChat's message push URL: when an operator saves https://…/wechat/push in the console
 * (开发管理 → 消息推送), WeChat sends a GET with signature, timestamp, nonce and echostr and accepts
 * the URL only if the bare echostr comes back. Anyone else gets 401 and learns nothing.
 */
import { createHash } from 'node:crypto';
import { resetPushTokenCache } from '../../functions/src/moderation/push-signature';
import { TestApi } from '../helpers/api';

const api = new TestApi();
beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  delete process.env.WECHAT_PUSH_TOKEN;
  resetPushTokenCache();
  await api.stop();
});

const sign = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');

function check(token: string, echostr = `echo-${Date.now()}`) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const query = new URLSearchParams({ signature: sign(token, timestamp, nonce), timestamp, nonce, echostr });
  return { echostr, query };
}

describe('GET /wechat/push (push URL check)', () => {
  it('answers the bare echostr as text when the signature checks out', async () => {
    const { echostr, query } = check('linli-dev-push', '8243916502734891');
    const answer = await api.call<string>('GET', `/wechat/push?${query}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(answer.body).toBe(echostr);
  });

  it('refuses a wrong signature with 401 and does not echo anything', async () => {
    const { echostr, query } = check('not-the-token');
    const answer = await api.call<any>('GET', `/wechat/push?${query}`);
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('WECHAT_SIGNATURE_INVALID');
    expect(JSON.stringify(answer.body)).not.toContain(echostr);
  });

  it('refuses a signature made for another timestamp (a replayed or altered call)', async () => {
    const { query } = check('linli-dev-push');
    query.set('timestamp', String(Number(query.get('timestamp')) + 1));
    expect((await api.call<any>('GET', `/wechat/push?${query}`)).status).toBe(401);
  });

  it('answers 400 when a parameter is missing', async () => {
    const { query } = check('linli-dev-push');
    query.delete('echostr');
    const answer = await api.call<any>('GET', `/wechat/push?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ path: 'query.echostr' })]);
  });

  it('uses the token configured for the deployment, not the dev one, once it is set', async () => {
    process.env.WECHAT_PUSH_TOKEN = 'console-token-7';
    resetPushTokenCache();
    const dev = check('linli-dev-push');
    const configured = check('console-token-7', 'e-777');
    expect((await api.call('GET', `/wechat/push?${dev.query}`)).status).toBe(401);
    expect((await api.call<string>('GET', `/wechat/push?${configured.query}`)).body).toBe('e-777');
  });
});
