/** Reads and writes of partner merchants, their agreements and the redemptions' short codes. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Agreement } from '@linli/shared/contract/points';
import { documentClient, tableName } from '../platform/dynamo';
import { bindOperatorByInvite, type BindOutcome } from '../platform/operator-binding';
import { getItem, queryPartition, strip } from '../platform/items';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { putAllNew } from '../platform/transactions';
import { key } from '../table';
import { merchantInviteItem, merchantItem, merchantOperatorItem, pointsKey, redemptionShortCodeItem } from './items';
import { type MerchantRecord } from './records';

// ── merchants ────────────────────────────────────────────────────────────────

export const listMerchants = (communityId: string) =>
  queryPartition<MerchantRecord>(key.community(communityId).pk, { sort: { beginsWith: pointsKey.merchantPrefix } });

export const getMerchant = (communityId: string, merchantId: string) =>
  getItem<MerchantRecord>(pointsKey.merchant(communityId, merchantId), true);

export const getMerchantOperator = (userId: string) =>
  getItem<{ communityId: string; merchantId: string }>(pointsKey.merchantOperator(userId), true);

/** A merchant and its invite code; false when the invite code is taken (the caller draws another). */
export async function createMerchant(
  m: MerchantRecord & { inviteCode: string },
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  return putAllNew([merchantItem(m), merchantInviteItem(m.inviteCode, m)], completion);
}

export async function updateAgreement(communityId: string, merchantId: string, agreement: Agreement) {
  try {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: pointsKey.merchant(communityId, merchantId),
        UpdateExpression: 'SET agreement = :a',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':a': agreement },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<MerchantRecord>(out.Attributes);
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

export const getInvite = (code: string) =>
  getItem<{ communityId: string; merchantId: string; status: 'open' | 'used' }>(pointsKey.merchantInvite(code), true);

/** Binds the user to the merchant: the invite is used once, a user operates one merchant. */
export function bindOperator(
  userId: string,
  code: string,
  invite: { communityId: string; merchantId: string },
  at: string,
  completion?: IdempotencyCompletion,
): Promise<BindOutcome> {
  return bindOperatorByInvite({
    completion,
    userId,
    at,
    inviteKey: pointsKey.merchantInvite(code),
    operatorItem: merchantOperatorItem(userId, invite, at),
    userKey: key.user(userId),
    ownerKey: pointsKey.merchant(invite.communityId, invite.merchantId),
    grant: { role: 'merchant', communityId: invite.communityId, merchantId: invite.merchantId },
  });
}

// ── typed short codes of redemptions ─────────────────────────────────────────

/** What a redemption's short code stands for, until `expiresAt` (epoch seconds, also the TTL). */
export interface RedemptionShortCodeRecord {
  communityId: string;
  shortCode: string;
  code: string;
  codeId: string;
  merchantId: string;
  expiresAt: number;
}

/** AP73: takes the short code unless a live redemption holds it; false on such a clash. */
export async function putRedemptionShortCode(r: RedemptionShortCodeRecord, now: Date): Promise<boolean> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: redemptionShortCodeItem(r),
        // An expired holder may linger until DynamoDB's TTL sweep (DynamoDB Local never sweeps).
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export const getRedemptionShortCode = (communityId: string, shortCode: string) =>
  getItem<RedemptionShortCodeRecord>(pointsKey.redemptionShortCode(communityId, shortCode), true);
