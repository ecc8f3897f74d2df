/**
 * WeChat's server-side access token (stable_token), shared by every adapter that calls
 * api.weixin.qq.com with one: subscribe messages, content security.
 */
export interface WechatTokenConfig {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com in production; a fake server in tests. */
  baseUrl: string;
  timeoutMs?: number;
  now?: () => number;
}

/** WeChat's JSON answer: errcode 0 or absent is success. */
export type WechatAnswer = { errcode?: number; errmsg?: string; [k: string]: unknown };

/** errcodes meaning the access token is invalid or expired: fetch another and try again. */
export const TOKEN_INVALID = new Set([40001, 40014, 42001]);
/** stable_token refusing the app's credentials: retrying cannot help. */
const BAD_CREDENTIALS = new Set([40013, 40125, 40164, 41004]);

/** stable_token said the app id or secret is wrong. */
export class BadCredentials extends Error {}

/** POSTs JSON to WeChat; an HTTP failure reads as errcode -1 (busy), like WeChat's own. */
export async function wechatPost(
  config: Pick<WechatTokenConfig, 'baseUrl' | 'timeoutMs'>,
  path: string,
  body: unknown,
): Promise<WechatAnswer> {
  const res = await fetch(new URL(path, config.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(config.timeoutMs ?? 3000),
  });
  if (!res.ok) return { errcode: -1, errmsg: `HTTP ${res.status}` };
  return (await res.json()) as WechatAnswer;
}

/** An access token source: cached until shortly before it expires. */
export interface AccessTokenSource {
  /**
   * The cached token, or a fresh one. `rejected` is a token WeChat just refused: the cache is
   * dropped and stable_token asked normally first, because a forced refresh invalidates the token
   * every other warm instance holds and has a daily quota; only if it hands back the same rejected
   * token is a refresh forced.
   */
  get(rejected?: string): Promise<string>;
}

export function wechatAccessToken(config: WechatTokenConfig): AccessTokenSource {
  const now = config.now ?? Date.now;
  let token: { value: string; expiresAt: number } | undefined;
  const fetchToken = (force: boolean) =>
    wechatPost(config, '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: config.appId,
      secret: config.appSecret,
      force_refresh: force,
    });
  return {
    async get(rejected) {
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
    },
  };
}
