import { BadCredentials, TOKEN_INVALID, wechatAccessToken, wechatPost } from '../platform/wechat-token';

/**
 * WeChat's subscribe messages (subscribeMessage.send) with an access token from stable_token,
 * cached until shortly before it expires and refreshed when WeChat says it is invalid.
 */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export type SendOutcome = { status: 'sent' } | { status: 'refused' | 'failed'; detail: string };

export interface SubscribeSender {
  send(message: SubscribeMessage): Promise<SendOutcome>;
}

export interface WechatSendConfig {
  appId: string;
  appSecret: string;
  baseUrl: string;
  /** formal | trial | developer: which version of the mini-program the message opens. */
  miniprogramState?: 'formal' | 'trial' | 'developer';
  timeoutMs?: number;
  /** Backoff before retrying throttling, per attempt (ms). */
  backoffMs?: (attempt: number) => number;
  now?: () => number;
}

/** Not worth retrying: the user refused, or the template or page is wrong. */
const REFUSED = new Set([43101]);
const PERMANENT = new Set([40003, 40037, 41028, 41029, 41030, 47003]);
const THROTTLED = new Set([-1, 45009, 45011, 45015]);
const MAX_ATTEMPTS = 4;

export function wechatSubscribeSender(config: WechatSendConfig): SubscribeSender {
  const backoff = config.backoffMs ?? ((n: number) => 200 * 2 ** n);
  const tokens = wechatAccessToken(config);
  const post = (path: string, body: unknown) => wechatPost(config, path, body);

  return {
    async send(message) {
      let rejected: string | undefined;
      let lastError = '';
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        let answer: { errcode?: number; errmsg?: string };
        let t: string | undefined;
        try {
          t = await tokens.get(rejected);
          answer = await post(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(t)}`, {
            touser: message.openid,
            template_id: message.templateId,
            page: message.page,
            data: message.data,
            miniprogram_state: config.miniprogramState ?? 'formal',
            lang: 'zh_CN',
          });
        } catch (error) {
          if (error instanceof BadCredentials) return { status: 'failed', detail: error.message };
          answer = { errcode: -1, errmsg: error instanceof Error ? error.message : String(error) };
        }
        const code = answer.errcode ?? 0;
        if (code === 0) return { status: 'sent' };
        lastError = `${code} ${answer.errmsg ?? ''}`.trim();
        if (REFUSED.has(code)) return { status: 'refused', detail: lastError };
        if (PERMANENT.has(code)) return { status: 'failed', detail: lastError };
        if (TOKEN_INVALID.has(code)) {
          rejected = t;
          continue;
        }
        if (!THROTTLED.has(code)) return { status: 'failed', detail: lastError };
        rejected = undefined;
        await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
      }
      return { status: 'failed', detail: lastError };
    },
  };
}

/** Local stand-in: remembers what it would have sent (the dev stack has no WeChat to ask). */
export function devSubscribeSender(): SubscribeSender & { sent: SubscribeMessage[] } {
  const sent: SubscribeMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      return { status: 'sent' };
    },
  };
}
