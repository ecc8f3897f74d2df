/** A stand-in for api.weixin.qq.com's content security on 127.0.0.1: stable_token, msg_sec_check, media_check_async. */
import { NOT_SERVED, startFakeWechat } from './fake-wechat-server';

export interface SecurityAnswer {
  status?: number;
  body: unknown;
  /** Answer only after this long (a timeout test). */
  delayMs?: number;
}

export interface SeenCall {
  pathname: string;
  query: Record<string, string>;
  body: Record<string, any>;
}

export interface FakeWechatSecurity {
  baseUrl: string;
  tokenCalls: SeenCall[];
  textCalls: SeenCall[];
  mediaCalls: SeenCall[];
  /** Answers for the next msg_sec_check calls, one per call; afterwards a pass. */
  textAnswers: SecurityAnswer[];
  /** Answers for the next media_check_async calls; afterwards a fresh trace id. */
  mediaAnswers: SecurityAnswer[];
  close(): Promise<void>;
}

/** msgSecCheck's answer for a suggestion, shaped as WeChat documents it. */
export const verdict = (
  suggest: 'pass' | 'risky' | 'review',
  label = suggest === 'pass' ? 100 : 20001,
): SecurityAnswer => ({
  body: {
    errcode: 0,
    errmsg: 'ok',
    trace_id: `trace-${suggest}`,
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
  },
});

export async function fakeWechatSecurity(): Promise<FakeWechatSecurity> {
  const fake = { tokenCalls: [], textCalls: [], mediaCalls: [], textAnswers: [], mediaAnswers: [] } as Omit<
    FakeWechatSecurity,
    'baseUrl' | 'close'
  >;
  const server = await startFakeWechat(({ method: _method, ...seen }): SecurityAnswer => {
    if (seen.pathname === '/cgi-bin/stable_token') {
      fake.tokenCalls.push(seen);
      return { body: { access_token: `token-${fake.tokenCalls.length}`, expires_in: 7200 } };
    }
    if (seen.pathname === '/wxa/msg_sec_check') {
      fake.textCalls.push(seen);
      return fake.textAnswers.shift() ?? verdict('pass');
    }
    if (seen.pathname === '/wxa/media_check_async') {
      fake.mediaCalls.push(seen);
      return (
        fake.mediaAnswers.shift() ?? {
          body: { errcode: 0, errmsg: 'ok', trace_id: `media-trace-${fake.mediaCalls.length}` },
        }
      );
    }
    return NOT_SERVED;
  });
  return { ...fake, ...server };
}
