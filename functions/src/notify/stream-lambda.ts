/**
 * The notifier Lambda: an outbox subscriber (platform/outbox-consumer) that turns every event
 * into messages. It reports the records it could not handle so Lambda retries those (and
 * bisects a bad batch); points credits read the same events from their own event source.
 */
import type { TemplateKey } from '@linli/shared/contract/notify';
import { optionalEnv, requireEnv } from '../platform/env';
import { memoizeAsync } from '../platform/memo';
import type { OutboxEvent } from '../events';
import { outboxConsumer } from '../platform/outbox-consumer';
import { readSecret } from '../platform/secrets';
import { notify, type NotifierDeps } from './notifier';
import { notifications } from './subscription';
import { devSubscribeSender, wechatSubscribeSender } from './wechat-sender';

const deps = memoizeAsync(async (): Promise<NotifierDeps> => {
  const templateIds = JSON.parse(optionalEnv('WECHAT_TEMPLATE_IDS') ?? '{}') as Partial<Record<TemplateKey, string>>;
  if (optionalEnv('WECHAT_MODE') === 'dev') return { sender: devSubscribeSender(), templateIds };
  const secret = JSON.parse(await readSecret(requireEnv('WECHAT_SECRET_ARN'))) as {
    appId?: string;
    appSecret?: string;
  };
  if (!secret.appId || !secret.appSecret) throw new Error('WeChat secret needs appId and appSecret');
  return {
    sender: wechatSubscribeSender({
      appId: secret.appId,
      appSecret: secret.appSecret,
      baseUrl: optionalEnv('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com',
      miniprogramState: (optionalEnv('WECHAT_MINIPROGRAM_STATE') as 'formal' | 'trial' | 'developer') ?? 'formal',
    }),
    templateIds,
  };
});

/** Lets tests and the local stack supply the WeChat side. */
export function setNotifierDeps(custom: NotifierDeps): void {
  deps.reset();
  override = custom;
}
let override: NotifierDeps | undefined;

export const handler = outboxConsumer<OutboxEvent>(notifications, async ({ eventId, payload, createdAt }) =>
  notify(eventId, payload, createdAt, override ?? (await deps.get())),
);
