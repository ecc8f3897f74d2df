import { DomainError } from '@linli/shared/domain-error';

/** What a login code is worth: the user's openid (never sent to the client). */
export interface WechatIdentity {
  openid: string;
  unionid?: string;
}

/** Exchanges a `wx.login` code for the user's identity. */
export interface SessionExchanger {
  exchange(code: string): Promise<WechatIdentity>;
}

export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com in production; a fake server in tests. */
  baseUrl: string;
  timeoutMs?: number;
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/**
 * WeChat's code2Session (GET /sns/jscode2session). Its documented errors map to ours:
 * 40029/40163 bad or used code → 401; 45011 rate limit → 429; 40226 high-risk user → 403;
 * -1 busy, HTTP failure or timeout → 503. The session_key is dropped: Linli never needs it.
 */
export function wechatCode2Session(config: WechatConfig): SessionExchanger {
  return {
    async exchange(code) {
      const url = new URL('/sns/jscode2session', config.baseUrl);
      url.search = new URLSearchParams({
        appid: config.appId,
        secret: config.appSecret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let answer: Code2SessionAnswer;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs ?? 3000) });
        if (!res.ok) throw new DomainError('WECHAT_UNAVAILABLE');
        answer = (await res.json()) as Code2SessionAnswer;
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw new DomainError('WECHAT_UNAVAILABLE');
      }
      if (answer.errcode && answer.errcode !== 0) throw mapWechatError(answer.errcode);
      if (!answer.openid) throw new DomainError('WECHAT_UNAVAILABLE');
      return { openid: answer.openid, unionid: answer.unionid };
    },
  };
}

function mapWechatError(errcode: number): DomainError {
  switch (errcode) {
    case 40029:
    case 40163:
      return new DomainError('WECHAT_CODE_INVALID');
    case 45011:
      return new DomainError('WECHAT_RATE_LIMITED');
    case 40226:
      return new DomainError('WECHAT_USER_BLOCKED');
    default:
      return new DomainError('WECHAT_UNAVAILABLE');
  }
}

/**
 * Local dev stands in for WeChat: `dev:<name>` logs in as openid `dev-<name>`. Only enabled
 * when WECHAT_MODE=dev, which the local stack sets and no deployment does.
 */
export function devSessionExchanger(): SessionExchanger {
  return {
    async exchange(code) {
      const match = /^dev:([a-z0-9-]{1,40})$/.exec(code);
      if (!match) throw new DomainError('WECHAT_CODE_INVALID');
      return { openid: `dev-${match[1]}` };
    },
  };
}
