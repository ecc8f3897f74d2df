import {
  devSubscribeSender,
  wechatSubscribeSender,
  type SubscribeMessage,
  type WechatSendConfig,
} from '../../functions/src/notify/wechat-sender';
import { NOT_SERVED, startFakeWechat, type SeenRequest } from '../helpers/fake-wechat-server';

/** An answer the fake gives: a JSON body, and an HTTP status other than 200 when set. */
interface Answer {
  status?: number;
  body: unknown;
}

interface FakeWechat {
  baseUrl: string;
  /** Every stable_token request, in order. */
  tokenCalls: SeenRequest[];
  /** Every subscribe/send request, in order. */
  sendCalls: SeenRequest[];
  /** Answers for the next stable_token calls, one per call; afterwards a fresh token each time. */
  tokenAnswers: Answer[];
  /** Answers for the next send calls, one per call; afterwards {errcode: 0}. */
  sendAnswers: Answer[];
  close: () => Promise<void>;
}

const TOKEN_PATH = '/cgi-bin/stable_token';
const SEND_PATH = '/cgi-bin/message/subscribe/send';

/** Stands in for api.weixin.qq.com on 127.0.0.1: stable_token and subscribeMessage.send. */
async function fakeWechat(): Promise<FakeWechat> {
  const fake = { tokenCalls: [], sendCalls: [], tokenAnswers: [], sendAnswers: [] } as Omit<
    FakeWechat,
    'baseUrl' | 'close'
  >;
  const server = await startFakeWechat((seen): Answer => {
    if (seen.pathname === TOKEN_PATH) {
      fake.tokenCalls.push(seen);
      return (
        fake.tokenAnswers.shift() ?? {
          body: { access_token: `token-${fake.tokenCalls.length}`, expires_in: 7200 },
        }
      );
    }
    if (seen.pathname === SEND_PATH) {
      fake.sendCalls.push(seen);
      return fake.sendAnswers.shift() ?? { body: { errcode: 0, errmsg: 'ok' } };
    }
    return NOT_SERVED;
  });
  return { ...fake, ...server };
}

const message: SubscribeMessage = {
  openid: 'o-resident',
  templateId: 'tmpl-seat',
  page: 'packages/council/session/index?communityId=c-01&sessionId=s-01',
  data: { thing1: { value: '三号楼加装电梯议事会' }, phrase4: { value: '候补成功' } },
};

const wechatError = (errcode: number, errmsg = 'error'): Answer => ({ body: { errcode, errmsg } });

describe('wechatSubscribeSender against a fake WeChat server', () => {
  let wechat: FakeWechat;

  const sender = (options: Partial<WechatSendConfig> = {}) =>
    wechatSubscribeSender({
      appId: 'wx-app-id',
      appSecret: 'wx-app-secret',
      baseUrl: wechat.baseUrl,
      backoffMs: () => 1,
      ...options,
    });

  beforeEach(async () => {
    wechat = await fakeWechat();
  });

  afterEach(async () => {
    await wechat.close();
  });

  it('sends the message with the access token from stable_token', async () => {
    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'sent' });
    expect(wechat.tokenCalls).toEqual([
      {
        method: 'POST',
        pathname: TOKEN_PATH,
        query: {},
        body: { grant_type: 'client_credential', appid: 'wx-app-id', secret: 'wx-app-secret', force_refresh: false },
      },
    ]);
    expect(wechat.sendCalls).toEqual([
      {
        method: 'POST',
        pathname: SEND_PATH,
        query: { access_token: 'token-1' },
        body: {
          touser: 'o-resident',
          template_id: 'tmpl-seat',
          page: 'packages/council/session/index?communityId=c-01&sessionId=s-01',
          data: message.data,
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      },
    ]);
  });

  it('opens the configured version of the mini-program', async () => {
    await sender({ miniprogramState: 'trial' }).send(message);

    expect(wechat.sendCalls.map((call) => call.body.miniprogram_state)).toEqual(['trial']);
  });

  it('asks stable_token once for three sends while the token is fresh', async () => {
    const wx = sender();

    const outcomes = [await wx.send(message), await wx.send(message), await wx.send(message)];

    expect(outcomes).toEqual([{ status: 'sent' }, { status: 'sent' }, { status: 'sent' }]);
    expect(wechat.tokenCalls).toHaveLength(1);
    expect(wechat.sendCalls.map((call) => call.query.access_token)).toEqual(['token-1', 'token-1', 'token-1']);
  });

  it('keeps the token until five minutes before expires_in, then asks for a new one', async () => {
    let clock = 1_000_000;
    const wx = sender({ now: () => clock });
    await wx.send(message);

    clock += (7200 - 300) * 1000 - 1;
    await wx.send(message);
    clock += 1;
    await wx.send(message);

    expect(wechat.tokenCalls).toHaveLength(2);
    expect(wechat.tokenCalls.map((call) => call.body.force_refresh)).toEqual([false, false]);
    expect(wechat.sendCalls.map((call) => call.query.access_token)).toEqual(['token-1', 'token-1', 'token-2']);
  });

  it.each([42001, 40001])('fetches a new token without forcing and retries when WeChat answers %i', async (errcode) => {
    wechat.sendAnswers.push(wechatError(errcode, 'access_token expired'));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'sent' });
    // A forced refresh would invalidate the token other warm instances hold: only when needed.
    expect(wechat.tokenCalls.map((call) => call.body.force_refresh)).toEqual([false, false]);
    expect(wechat.sendCalls.map((call) => call.query.access_token)).toEqual(['token-1', 'token-2']);
  });

  it('forces a refresh only when stable_token hands back the token WeChat just rejected', async () => {
    wechat.tokenAnswers.push(
      { body: { access_token: 'token-old', expires_in: 7200 } },
      { body: { access_token: 'token-old', expires_in: 7200 } },
      { body: { access_token: 'token-new', expires_in: 7200 } },
    );
    wechat.sendAnswers.push(wechatError(42001, 'access_token expired'));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'sent' });
    expect(wechat.tokenCalls.map((call) => call.body.force_refresh)).toEqual([false, false, true]);
    expect(wechat.sendCalls.map((call) => call.query.access_token)).toEqual(['token-old', 'token-new']);
  });

  it('gives up after four attempts when WeChat rejects every token', async () => {
    wechat.sendAnswers.push(...Array.from({ length: 10 }, () => wechatError(40001, 'invalid credential')));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'failed', detail: '40001 invalid credential' });
    expect(wechat.sendCalls).toHaveLength(4);
    expect(wechat.tokenCalls.map((call) => call.body.force_refresh)).toEqual([false, false, false, false]);
  });

  it('reports a user who refused the template (43101) as refused, without retrying', async () => {
    wechat.sendAnswers.push(wechatError(43101, 'user refuse to accept the msg'));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'refused', detail: '43101 user refuse to accept the msg' });
    expect(wechat.sendCalls).toHaveLength(1);
  });

  it('fails bad template data (47003) without retrying', async () => {
    wechat.sendAnswers.push(wechatError(47003, 'argument invalid! data.thing1.value invalid'));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'failed', detail: '47003 argument invalid! data.thing1.value invalid' });
    expect(wechat.sendCalls).toHaveLength(1);
  });

  it('fails an errcode it does not know without retrying', async () => {
    wechat.sendAnswers.push(wechatError(99999, 'something new'));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'failed', detail: '99999 something new' });
    expect(wechat.sendCalls).toHaveLength(1);
  });

  it('retries throttling (45011) with backoff and sends once WeChat lets it', async () => {
    const waits: number[] = [];
    wechat.sendAnswers.push(
      wechatError(45011, 'api minute-quota reach limit'),
      wechatError(45011, 'api minute-quota reach limit'),
    );

    const outcome = await sender({ backoffMs: (attempt) => (waits.push(attempt), 1) }).send(message);

    expect(outcome).toEqual({ status: 'sent' });
    expect(wechat.sendCalls).toHaveLength(3);
    expect(waits).toEqual([0, 1]);
    expect(wechat.tokenCalls).toHaveLength(1);
  });

  it('fails after four attempts when WeChat keeps throttling', async () => {
    wechat.sendAnswers.push(...Array.from({ length: 10 }, () => wechatError(45011, 'api minute-quota reach limit')));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'failed', detail: '45011 api minute-quota reach limit' });
    expect(wechat.sendCalls).toHaveLength(4);
  });

  it('treats an HTTP 500 as WeChat being busy and retries', async () => {
    wechat.sendAnswers.push({ status: 500, body: { message: 'internal error' } });

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'sent' });
    expect(wechat.sendCalls).toHaveLength(2);
  });

  it('retries when stable_token fails once, then sends', async () => {
    wechat.tokenAnswers.push(wechatError(-1, 'system error'));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'sent' });
    expect(wechat.tokenCalls).toHaveLength(2);
    expect(wechat.sendCalls.map((call) => call.query.access_token)).toEqual(['token-2']);
  });

  it('fails at once, without throwing or retrying, when stable_token refuses the app credentials', async () => {
    wechat.tokenAnswers.push(...Array.from({ length: 10 }, () => wechatError(40013, 'invalid appid')));

    const outcome = await sender().send(message);

    expect(outcome).toEqual({ status: 'failed', detail: 'stable_token failed: 40013 invalid appid' });
    expect(wechat.tokenCalls).toHaveLength(1);
    expect(wechat.sendCalls).toHaveLength(0);
  });

  it('ends failed, without throwing, when WeChat cannot be reached', async () => {
    const baseUrl = wechat.baseUrl;
    await wechat.close();

    const outcome = await wechatSubscribeSender({
      appId: 'wx-app-id',
      appSecret: 'wx-app-secret',
      baseUrl,
      backoffMs: () => 1,
    }).send(message);

    expect(outcome.status).toBe('failed');
    wechat = await fakeWechat();
  });
});

describe('devSubscribeSender', () => {
  it('records each message it would have sent and reports it sent', async () => {
    const dev = devSubscribeSender();
    const other: SubscribeMessage = { openid: 'o-caregiver', templateId: 'tmpl-council', data: {} };

    const outcomes = [await dev.send(message), await dev.send(other)];

    expect(outcomes).toEqual([{ status: 'sent' }, { status: 'sent' }]);
    expect(dev.sent).toEqual([message, other]);
  });
});
