/**
 * Screens what people write before anyone else reads it. Residents' texts that WeChat cannot
 * clear are held for staff; risky texts are refused and nothing is written. Texts staff write
 * (timeline notes, merchant and activity names) are refused when risky; a `review` verdict on
 * them is logged and accepted, because the person who wrote them is the reviewer WeChat asks for.
 */
import { DomainError } from '@linli/shared/domain-error';
import { getUser } from '../identity';
import { optionalEnv, requireEnv } from '../platform/env';
import { logger } from '../platform/logger';
import { memoizeAsync } from '../platform/memo';
import { readSecret } from '../platform/secrets';
import {
  devContentSecurity,
  wechatContentSecurity,
  type ContentSecurity,
  type TextScene,
  type TextVerdict,
} from './wechat-security';

const adapter = memoizeAsync(build);
let override: ContentSecurity | undefined;

/** The content security adapter of this deployment (dev mode records; otherwise WeChat). */
export async function contentSecurity(): Promise<ContentSecurity> {
  return override ?? adapter.get();
}

/** Lets tests supply the WeChat side (a fake server, or the dev recorder); `undefined` restores it. */
export function setContentSecurity(custom: ContentSecurity | undefined): void {
  override = custom;
}

async function build(): Promise<ContentSecurity> {
  if (optionalEnv('WECHAT_MODE') === 'dev') return devContentSecurity();
  const secret = JSON.parse(await readSecret(requireEnv('WECHAT_SECRET_ARN'))) as {
    appId?: string;
    appSecret?: string;
  };
  const appId = optionalEnv('WECHAT_APPID') ?? secret.appId;
  if (!appId || !secret.appSecret) throw new Error('WeChat secret needs appId and appSecret');
  return wechatContentSecurity({
    appId,
    appSecret: secret.appSecret,
    baseUrl: optionalEnv('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com',
    // A person is waiting for the answer; past this the text is held rather than the tap stalled.
    timeoutMs: 2500,
  });
}

/** A text to screen, with the title WeChat weighs with it (a topic's title). */
export interface ScreenInput {
  /** The user who typed it: their openid is what WeChat judges against. */
  authorUserId: string;
  scene: TextScene;
  content: string;
  title?: string;
}

export type Screening = { outcome: 'pass'; verdict: TextVerdict } | { outcome: 'review'; verdict: TextVerdict };

/** Screens one text: `risky` throws CONTENT_RISKY (nothing is written); `review` holds it. */
export async function screenText(input: ScreenInput): Promise<Screening> {
  const verdict = await judge(input);
  if (verdict.suggest === 'risky') {
    logger.info('content refused', { scene: input.scene, label: verdict.label, traceId: verdict.traceId });
    throw new DomainError('CONTENT_RISKY');
  }
  return verdict.suggest === 'pass' ? { outcome: 'pass', verdict } : { outcome: 'review', verdict };
}

/** Screens texts staff write: risky is refused, a review verdict is logged and let through. */
export async function screenStaffText(authorUserId: string, scene: TextScene, texts: (string | undefined)[]) {
  for (const content of texts) {
    if (!content?.trim()) continue;
    const screening = await screenText({ authorUserId, scene, content });
    if (screening.outcome === 'review') {
      logger.warn('staff text accepted under review', { scene, ...screening.verdict });
    }
  }
}

async function judge(input: ScreenInput): Promise<TextVerdict> {
  const openid = (await getUser(input.authorUserId))?.openid;
  // Without an openid WeChat's v2 check cannot run; the text waits for a person instead.
  if (!openid) return { suggest: 'review', reason: 'author has no openid' };
  const security = await contentSecurity();
  return security.checkText({ openid, scene: input.scene, content: input.content, title: input.title });
}
