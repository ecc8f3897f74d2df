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

const TOKEN_INVALID = new Set([40001, 40014, 42001]);
/** stable_token refusing the app's credentials: retrying cannot help. */
const BAD_CREDENTIALS = new Set([40013, 40125, 40164, 41004]);

class BadCredentials extends Error {}
/** Not worth retrying: the user refused, or the template or page is wrong. */
const REFUSED = new Set([43101]);
const PERMANENT = new Set([40003, 40037, 41028, 41029, 41030, 47003]);
const THROTTLED = new Set([-1, 45009, 45011, 45015]);
const MAX_ATTEMPTS = 4;

export function wechatSubscribeSender(config: WechatSendConfig): SubscribeSender {
  const now = config.now ?? Date.now;
  const backoff = config.backoffMs ?? ((n: number) => 200 * 2 ** n);
  let token: { value: string; expiresAt: number } | undefined;

  const post = async (
    path: string,
    body: unknown,
  ): Promise<{ errcode?: number; errmsg?: string; [k: string]: unknown }> => {
    const res = await fetch(new URL(path, config.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs ?? 3000),
    });
    if (!res.ok) return { errcode: -1, errmsg: `HTTP ${res.status}` };
    return (await res.json()) as { errcode?: number; errmsg?: string };
  };

  /**
   * The cached token, or a fresh one. `rejected` is a token WeChat just refused: the cache is
   * dropped and stable_token asked normally first, because a forced refresh invalidates the token
   * every other warm instance holds and has a daily quota; only if it hands back the same rejected
   * token is a refresh forced.
   */
  const accessToken = async (rejected?: string): Promise<string> => {
    if (!rejected && token && token.expiresAt > now()) return token.value;
    token = undefined;
    let answer = await fetchToken(false);
    if (rejected && answer.access_token === rejected) answer = await fetchToken(true);
    if (typeof answer.access_token !== 'string') {
      const message = `stable_token failed: ${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`;
      throw BAD_CREDENTIALS.has(answer.errcode ?? 0) ? new BadCredentials(message) : new Error(message);
    }
    // Refresh five minutes early so a token never expires between reading and using it.
    token = { value: answer.access_token, expiresAt: now() + (Number(answer.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  };

  const fetchToken = (force: boolean) =>
    post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: config.appId,
      secret: config.appSecret,
      force_refresh: force,
    });

  return {
    async send(message) {
      let rejected: string | undefined;
      let lastError = '';
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        let answer: { errcode?: number; errmsg?: string };
        let t: string | undefined;
        try {
          t = await accessToken(rejected);
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
