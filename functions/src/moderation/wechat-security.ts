/**
 * WeChat's content security: security.msgSecCheck (v2, text, synchronous) and
 * security.mediaCheckAsync (v2, images, answered later on the message-push callback).
 * A check that cannot be completed (timeout, busy, any error) never reads as a pass: the text is
 * held for staff to review instead.
 */
import {
  BadCredentials,
  TOKEN_INVALID,
  wechatAccessToken,
  wechatPost,
  type WechatAnswer,
  type WechatTokenConfig,
} from '../platform/wechat-token';

/** msgSecCheck's scenes: 1 资料 (names, profiles), 2 评论 (comments), 3 论坛 (posts), 4 社交日志. */
export const TEXT_SCENES = { profile: 1, comment: 2, forum: 3, journal: 4 } as const;
export type TextScene = keyof typeof TEXT_SCENES;

export interface TextCheck {
  /** The author's openid; WeChat needs a user who opened the mini-program in the last two hours. */
  openid: string;
  scene: TextScene;
  content: string;
  title?: string;
}

export type Suggestion = 'pass' | 'risky' | 'review';

export interface TextVerdict {
  suggest: Suggestion;
  /** WeChat's label (100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, …). */
  label?: number;
  traceId?: string;
  /** Why a check ended in review without WeChat saying so (timeout, error code). */
  reason?: string;
}

export interface MediaCheck {
  openid: string;
  scene: TextScene;
  mediaUrl: string;
}

/** Accepted (the verdict follows on the callback, unless an adapter knows it at once) or failed. */
export type MediaSubmission = { traceId: string; suggest?: Suggestion } | { error: string };

export interface ContentSecurity {
  /** Never throws: a failed check answers `review` with the reason. */
  checkText(check: TextCheck): Promise<TextVerdict>;
  /** Asks WeChat to check an image; the verdict arrives on the callback with the trace id. */
  submitMedia(check: MediaCheck): Promise<MediaSubmission>;
}

/** msgSecCheck takes at most 2500 characters of content. */
const CONTENT_MAX = 2500;
/** One call, and one more with a fresh token when WeChat says the token is invalid. */
const MAX_ATTEMPTS = 2;

export function wechatContentSecurity(config: WechatTokenConfig): ContentSecurity {
  const tokens = wechatAccessToken(config);

  /** Calls a security API with a token, once more with a fresh token when WeChat rejects it. */
  async function call(path: string, body: unknown): Promise<WechatAnswer> {
    let rejected: string | undefined;
    let answer: WechatAnswer = { errcode: -1, errmsg: 'not called' };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      try {
        const token = await tokens.get(rejected);
        answer = await wechatPost(config, `${path}?access_token=${encodeURIComponent(token)}`, body);
        if (!TOKEN_INVALID.has(answer.errcode ?? 0)) return answer;
        rejected = token;
      } catch (error) {
        const kind = error instanceof BadCredentials ? 'credentials' : 'unreachable';
        return { errcode: -1, errmsg: `${kind}: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    return answer;
  }

  return {
    async checkText(check) {
      const answer = await call('/wxa/msg_sec_check', {
        version: 2,
        openid: check.openid,
        scene: TEXT_SCENES[check.scene],
        content: check.content.slice(0, CONTENT_MAX),
        ...(check.title ? { title: check.title } : {}),
      });
      const traceId = typeof answer.trace_id === 'string' ? answer.trace_id : undefined;
      if ((answer.errcode ?? 0) !== 0) {
        return { suggest: 'review', traceId, reason: `${answer.errcode} ${answer.errmsg ?? ''}`.trim() };
      }
      const result = answer.result as { suggest?: string; label?: number } | undefined;
      const suggest = result?.suggest;
      if (suggest !== 'pass' && suggest !== 'risky' && suggest !== 'review') {
        return { suggest: 'review', traceId, reason: 'no suggestion in the answer' };
      }
      return { suggest, label: result?.label, traceId };
    },
    async submitMedia(check) {
      const answer = await call('/wxa/media_check_async', {
        version: 2,
        openid: check.openid,
        scene: TEXT_SCENES[check.scene],
        media_url: check.mediaUrl,
        media_type: 2,
      });
      if ((answer.errcode ?? 0) !== 0 || typeof answer.trace_id !== 'string') {
        return { error: `${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`.trim() };
      }
      return { traceId: answer.trace_id };
    },
  };
}

/**
 * Local stand-in: records every check (the dev stack has no WeChat to ask) and passes it, except
 * text carrying one of the demo markers, so a refusal and a hold can be tried by hand and in e2e.
 * Photos pass at once (there is no callback to wait for locally); integration tests use the real
 * adapter against a fake WeChat server for pending, risky and review verdicts.
 */
export const DEV_MARKERS = { risky: '【测试违规】', review: '【测试复核】' } as const;

export function devContentSecurity(): ContentSecurity & { texts: TextCheck[]; media: MediaCheck[] } {
  const texts: TextCheck[] = [];
  const media: MediaCheck[] = [];
  return {
    texts,
    media,
    async checkText(check) {
      texts.push(check);
      const all = `${check.title ?? ''}${check.content}`;
      if (all.includes(DEV_MARKERS.risky)) return { suggest: 'risky', label: 20001, traceId: `dev-${texts.length}` };
      if (all.includes(DEV_MARKERS.review)) return { suggest: 'review', label: 20001, traceId: `dev-${texts.length}` };
      return { suggest: 'pass', label: 100, traceId: `dev-${texts.length}` };
    },
    async submitMedia(check) {
      media.push(check);
      return { traceId: `dev-media-${media.length}`, suggest: 'pass' };
    },
  };
}
