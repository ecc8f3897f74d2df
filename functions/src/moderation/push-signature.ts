/**
 * WeChat's message push (开发管理 → 消息推送) signs every call to /wechat/push with the token set
 * in the console: signature = sha1 of the sorted token, timestamp and nonce. When the URL is saved
 * in the console, WeChat first sends a GET that must echo `echostr` back as the bare body.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@linli/shared/domain-error';
import { optionalEnv, requireEnv } from '../platform/env';
import { memoizeAsync } from '../platform/memo';
import { readSecret } from '../platform/secrets';

export interface PushQuery {
  signature: string;
  timestamp: string;
  nonce: string;
}

/** Whether a push call carries the signature the token gives (compared in constant time). */
export function verifyPushSignature(q: PushQuery, token: string): boolean {
  const expected = createHash('sha1').update([token, q.timestamp, q.nonce].sort().join('')).digest('hex');
  const given = Buffer.from(q.signature);
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

/**
 * The push token: WECHAT_PUSH_TOKEN when set (local stack, tests), dev mode's fixed one, or the
 * `pushToken` field of the WeChat secret (WECHAT_SECRET_ARN) in a deployment. Read once per container.
 */
const token = memoizeAsync(async () => {
  const fromEnv = optionalEnv('WECHAT_PUSH_TOKEN');
  if (fromEnv) return fromEnv;
  if (optionalEnv('WECHAT_MODE') === 'dev') return 'linli-dev-push';
  const secret = JSON.parse(await readSecret(requireEnv('WECHAT_SECRET_ARN'))) as { pushToken?: string };
  if (!secret.pushToken) throw new Error('the WeChat secret has no pushToken (消息推送 Token)');
  return secret.pushToken;
});

/** Forgets the cached token (tests; a rotated secret reaches new containers anyway). */
export function resetPushTokenCache(): void {
  token.reset();
}

/** Refuses (401) a push whose signature the token does not give. */
export async function verifiedPush(query: PushQuery): Promise<void> {
  if (!verifyPushSignature(query, await token.get())) throw new DomainError('WECHAT_SIGNATURE_INVALID');
}

/** The push-URL check: echostr, unchanged, when the signature holds. */
export async function answerPushUrlCheck(query: PushQuery & { echostr: string }): Promise<string> {
  await verifiedPush(query);
  return query.echostr;
}
