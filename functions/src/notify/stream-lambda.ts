/**
 * The notifier Lambda, triggered by the table's stream. It reads only outbox inserts, hands
 * canteen deliveries to the points ledger (which posts their credit and a message event), and reports the records it could not handle so Lambda retries those (and bisects a bad batch).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { TemplateKey } from '@linli/shared/contract/notify';
import { optionalEnv, requireEnv } from '../platform/env';
import { logger } from '../platform/logger';
import { memoizeAsync } from '../platform/memo';
import type { OutboxEvent } from '../platform/outbox';
import { readSecretThroughExtension } from '../platform/secrets';
import { creditDelivery, creditWish } from '../points/service';
import { notify, type NotifierDeps } from './notifier';
import { devSubscribeSender, wechatSubscribeSender } from './wechat-sender';

const deps = memoizeAsync(async (): Promise<NotifierDeps> => {
  const templateIds = JSON.parse(optionalEnv('WECHAT_TEMPLATE_IDS') ?? '{}') as Partial<Record<TemplateKey, string>>;
  if (optionalEnv('WECHAT_MODE') === 'dev') return { sender: devSubscribeSender(), templateIds };
  const secret = JSON.parse(await readSecretThroughExtension(requireEnv('WECHAT_SECRET_ARN'))) as {
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

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  const d = override ?? (await deps.get());
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image || !String(image.pk?.S ?? '').startsWith('OUTBOX#')) continue;
    const item = unmarshall(image as Record<string, AttributeValue>) as {
      eventId: string;
      payload: OutboxEvent;
      createdAt: string;
    };
    try {
      // A delivered canteen order credits the volunteer (idempotent on the order: a replay posts nothing).
      if (item.payload.type === 'canteen.delivery_confirmed') await creditDelivery(item.payload);
      if (item.payload.type === 'care.wish_fulfilled') await creditWish(item.payload);
      await notify(item.eventId, item.payload, item.createdAt, d);
    } catch (error) {
      logger.error('notification failed; the record will be retried', { eventId: item.eventId, error: error as Error });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? item.eventId });
      // Records of a shard are ordered: stop here so the retry starts from the failed one.
      break;
    }
  }
  return { batchItemFailures: failures };
}
