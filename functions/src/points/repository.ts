/** Every DynamoDB read and write of the points feature. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Agreement } from '@linli/shared/contract/points';
import type { RoleGrant } from '@linli/shared/contract/principal';
import { ISSUANCE_ACCOUNT } from '@linli/shared/domain/points/ledger';
import { documentClient, tableName } from '../platform/dynamo';
import { bindOperatorByInvite, type BindOutcome } from '../platform/operator-binding';
import { batchGetItems, getItem, queryIndex, queryPartition, strip } from '../platform/items';
import { outboxPut } from '../platform/outbox';
import type { PointsEvent as OutboxEvent } from './events';
import { withOptimisticRetry } from '../platform/retry';
import type { IdempotencyCompletion } from '../platform/idempotency';
import {
  ConditionsFailed,
  conditionFailed,
  named,
  transact,
  transactWithReply,
  writeWithReply,
  type NamedWrite,
} from '../platform/transactions';
import { index, key } from '../table';
import { ISSUANCE_SHARDS, POSTING_WRITE, postingWrites } from './ledger-items';
import {
  DEFAULT_POINTS_SETTINGS,
  type ActivityRecord,
  type EntryRecord,
  type MerchantRecord,
  type PointsSettings,
  type PostingRecord,
  type SignupRecord,
  type VolunteerRecord,
} from './records';

type Item = Record<string, unknown>;

// ── the ledger ───────────────────────────────────────────────────────────────

export type PostOutcome =
  | { outcome: 'posted' }
  | { outcome: 'duplicate' }
  | { outcome: 'insufficient'; account: string }
  | { outcome: 'cap' }
  /** One of the caller's own writes failed its condition (its name among `extra`). */
  | { outcome: 'extra-failed'; name: string };

/**
 * Appends a posting in one transaction with its entries, the balances, the month figures, the
 * caller's own writes (`extra`, e.g. a signup marked confirmed) and outbox events. Nothing is
 * written unless all of it is, and with it the request's idempotency completion when given.
 */
export async function post(
  p: PostingRecord,
  options: {
    merchantCap?: number;
    /** The caller's own writes, each named with the `extra:` prefix. */
    extra?: NamedWrite[];
    events?: OutboxEvent[];
    completion?: IdempotencyCompletion;
  } = {},
): Promise<PostOutcome> {
  const shard = Math.floor(Math.random() * ISSUANCE_SHARDS);
  const writes = [
    ...postingWrites(p, tableName, { shard, merchantCap: options.merchantCap }),
    ...(options.extra ?? []),
    ...(options.events ?? []).map((e) => named('outbox', outboxPut(e))),
  ];
  // Transactions that collide on a balance are tried again (with backoff); conditions decide the rest.
  return withOptimisticRetry(async () => {
    try {
      await transact(writes, options.completion);
      return { outcome: 'posted' } as const;
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      return outcomeOf(error);
    }
  }, 20);
}

function outcomeOf(failed: ConditionsFailed): PostOutcome {
  if (failed.has(POSTING_WRITE.posting)) return { outcome: 'duplicate' };
  const balance = failed.hasPrefix(POSTING_WRITE.balance);
  if (balance) return { outcome: 'insufficient', account: balance.slice(POSTING_WRITE.balance.length) };
  if (failed.has(POSTING_WRITE.merchantMonth)) return { outcome: 'cap' };
  const extra = failed.hasPrefix(EXTRA);
  if (extra) return { outcome: 'extra-failed', name: extra };
  throw new Error(`posting failed its conditions: ${[...failed.failed.keys()].join(', ')}`);
}

/** Prefix of the names of a caller's own writes in a posting's transaction. */
export const EXTRA = 'extra:';

export const getPostingByKey = (communityId: string, postingKey: string) =>
  getItem<PostingRecord>(key.posting(communityId, postingKey), true);

export async function getPostingById(postingId: string): Promise<PostingRecord | undefined> {
  return (await queryIndex<PostingRecord>('gsi2', index.postingId(postingId), { limit: 1 }))[0];
}

/** An account's balance (the issuance account's is the sum of its shards). */
export async function balanceOf(communityId: string, account: string): Promise<number> {
  if (account === ISSUANCE_ACCOUNT) {
    const shards = await queryPartition<{ balance?: number }>(key.pointsBalance(communityId, account).pk, {
      sort: { beginsWith: 'BALANCE' },
    });
    return shards.reduce((sum, s) => sum + (s.balance ?? 0), 0);
  }
  return (await getItem<{ balance?: number }>(key.pointsBalance(communityId, account), true))?.balance ?? 0;
}

/** AP55: the balances of several (non-issuance) accounts, missing ones as 0, in one batch read per 100. */
export async function balancesOf(communityId: string, accounts: string[]): Promise<number[]> {
  const found = await batchGetItems<{ account: string; balance?: number }>(
    accounts.map((a) => key.pointsBalance(communityId, a)),
  );
  const byAccount = new Map(found.map((b) => [b.account, b.balance ?? 0]));
  return accounts.map((a) => byAccount.get(a) ?? 0);
}

/** AP56: an account's entries, newest first (of one month, when given). */
export function accountEntries(communityId: string, account: string, options: { month?: string; limit?: number } = {}) {
  return queryPartition<EntryRecord>(key.pointsBalance(communityId, account).pk, {
    sort: { beginsWith: options.month ? `ENTRY#${options.month}#` : 'ENTRY#' },
    newestFirst: true,
    limit: options.limit,
  });
}

export interface MonthRow {
  month: string;
  issued?: number;
  redeemed?: number;
  redemptions?: number;
  deductionFen?: number;
}

/** AP59: an account's month figures, the issuance account's shards summed. */
export async function monthFigures(communityId: string, account: string): Promise<MonthRow[]> {
  const rows = await queryPartition<MonthRow>(key.pointsBalance(communityId, account).pk, {
    sort: { beginsWith: 'MONTH#' },
  });
  const byMonth = new Map<string, MonthRow>();
  for (const r of rows) {
    const m = byMonth.get(r.month) ?? { month: r.month };
    m.issued = (m.issued ?? 0) + (r.issued ?? 0);
    m.redeemed = (m.redeemed ?? 0) + (r.redeemed ?? 0);
    m.redemptions = (m.redemptions ?? 0) + (r.redemptions ?? 0);
    m.deductionFen = (m.deductionFen ?? 0) + (r.deductionFen ?? 0);
    byMonth.set(r.month, m);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export const listAudit = (communityId: string) =>
  queryIndex<PostingRecord>('gsi1', index.pointsAudit(communityId), { newestFirst: true, limit: 200 });

/** The writes that mark a posting and its entries reversed, to go with the reversal. */
export function markReversedWrites(original: PostingRecord, reversalId: string): NamedWrite[] {
  return [
    named(`${EXTRA}original-unreversed`, {
      Update: {
        TableName: tableName,
        Key: key.posting(original.communityId, original.postingKey),
        UpdateExpression: 'SET reversedBy = :r',
        ConditionExpression: 'attribute_not_exists(reversedBy)',
        ExpressionAttributeValues: { ':r': reversalId },
      },
    }),
    ...original.entries.map((e) =>
      named(`${EXTRA}entry-reversed:${e.account}`, {
        Update: {
          TableName: tableName,
          Key: key.pointsEntry(original.communityId, e.account, original.month, original.postedAt, original.postingId),
          UpdateExpression: 'SET reversed = :yes',
          ExpressionAttributeValues: { ':yes': true },
        },
      }),
    ),
  ];
}

export async function getSettings(communityId: string): Promise<PointsSettings> {
  const stored = await getItem<Partial<PointsSettings>>(key.pointsSettings(communityId));
  return { ...DEFAULT_POINTS_SETTINGS, ...stored };
}

export async function putSettings(
  communityId: string,
  settings: PointsSettings,
  completion?: IdempotencyCompletion,
): Promise<void> {
  await writeWithReply(
    {
      Put: {
        TableName: tableName,
        Item: { ...key.pointsSettings(communityId), type: 'PointsSettings', communityId, ...settings },
      },
    },
    completion,
  );
}

// ── volunteers ───────────────────────────────────────────────────────────────

export const getVolunteer = (userId: string, communityId: string) =>
  getItem<VolunteerRecord>(key.volunteer(userId, communityId), true);

export const listVolunteers = (communityId: string) =>
  queryIndex<VolunteerRecord>('gsi1', index.communityVolunteers(communityId));

export function volunteerItem(v: VolunteerRecord): Item {
  return {
    ...key.volunteer(v.userId, v.communityId),
    type: 'Volunteer',
    ...v,
    gsi1pk: index.communityVolunteers(v.communityId),
    gsi1sk: `${v.joinedAt}#${v.userId}`,
  };
}

/** Adds the volunteer grant and the profile at once. */
export async function joinVolunteers(
  v: VolunteerRecord,
  completion?: IdempotencyCompletion,
): Promise<'joined' | 'already' | 'no-user'> {
  const grant: RoleGrant = { role: 'volunteer', communityId: v.communityId };
  try {
    await transact(
      [
        named('volunteer', {
          Put: { TableName: tableName, Item: volunteerItem(v), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
        named('user', {
          Update: {
            TableName: tableName,
            Key: key.user(v.userId),
            UpdateExpression: 'SET grants = list_append(grants, :grant)',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':grant': [grant] },
          },
        }),
      ],
      completion,
    );
    return 'joined';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    return error.has('volunteer') ? 'already' : 'no-user';
  }
}

// ── activities and signups ───────────────────────────────────────────────────

function activityItem(a: ActivityRecord): Item {
  return {
    ...key.activity(a.activityId),
    type: 'Activity',
    ...a,
    gsi1pk: index.communityActivities(a.communityId),
    gsi1sk: `${a.endsAt}#${a.activityId}`,
  };
}

export async function putActivity(a: ActivityRecord, completion?: IdempotencyCompletion): Promise<void> {
  await writeWithReply(
    { Put: { TableName: tableName, Item: activityItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
    completion,
  );
}

export const getActivity = (activityId: string, consistent = false) =>
  getItem<ActivityRecord>(key.activity(activityId), consistent);

/** AP61: activities not yet ended (or ended within `graceHours`, so late check-outs and confirmations still find them). */
export function listActivities(communityId: string, now: Date, graceHours = 72) {
  const from = new Date(now.getTime() - graceHours * 3600_000).toISOString();
  return queryIndex<ActivityRecord>('gsi1', index.communityActivities(communityId), {
    sort: { op: '>=', value: from },
  });
}

function signupItem(s: SignupRecord): Item {
  return {
    ...key.signup(s.activityId, s.userId),
    type: 'Signup',
    ...s,
    gsi1pk: index.userSignups(s.userId),
    gsi1sk: `${s.activityStartsAt}#${s.activityId}`,
    ...(s.status === 'checked_out' && s.checkedOutAt
      ? { gsi2pk: index.pendingHours(s.communityId), gsi2sk: `${s.checkedOutAt}#${s.signupId}` }
      : {}),
  };
}

export const getSignup = (activityId: string, userId: string) =>
  getItem<SignupRecord>(key.signup(activityId, userId), true);
export const listSignups = (activityId: string) =>
  queryPartition<SignupRecord>(key.activity(activityId).pk, { sort: { beginsWith: 'SIGNUP#' } });
export const listUserSignups = (userId: string) => queryIndex<SignupRecord>('gsi1', index.userSignups(userId));
export const listPendingHours = (communityId: string) =>
  queryIndex<SignupRecord>('gsi2', index.pendingHours(communityId));

/** Takes a slot: the activity's count goes up only while slots remain and it has not ended. */
export async function signUp(
  s: SignupRecord,
  now: string,
  completion?: IdempotencyCompletion,
): Promise<'taken' | 'already' | 'full-or-closed'> {
  try {
    await transact(
      [
        named('slot', {
          Update: {
            TableName: tableName,
            Key: key.activity(s.activityId),
            UpdateExpression: 'SET signedUp = signedUp + :one',
            ConditionExpression: 'signedUp < slots AND endsAt > :now',
            ExpressionAttributeValues: { ':one': 1, ':now': now },
          },
        }),
        named('signup', {
          Put: { TableName: tableName, Item: signupItem(s), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
      ],
      completion,
    );
    return 'taken';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    return error.has('signup') ? 'already' : 'full-or-closed';
  }
}

/** Moves a signup from one status to the next; the new record is written whole. False when it was not in `from`. */
export async function advanceSignup(
  next: SignupRecord,
  from: SignupRecord['status'],
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  try {
    await writeWithReply(
      {
        Put: {
          TableName: tableName,
          Item: signupItem(next),
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':from': from },
        },
      },
      completion,
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** The writes that mark hours confirmed and count them for 志愿之星, to go with the award's posting. */
export function confirmHoursWrites(
  next: SignupRecord,
  month: string,
  volunteer: VolunteerRecord | undefined,
): NamedWrite[] {
  return [
    named(`${EXTRA}signup-checked-out`, {
      Put: {
        TableName: tableName,
        Item: signupItem(next),
        ConditionExpression: '#status = :out',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':out': 'checked_out' },
      },
    }),
    named(`${EXTRA}star-minutes`, {
      Update: {
        TableName: tableName,
        Key: key.volunteerStar(next.communityId, month, next.userId),
        UpdateExpression: 'SET userId = :u, #name = :name, showName = :show, #type = :t ADD minutes :min',
        ExpressionAttributeNames: { '#name': 'name', '#type': 'type' },
        ExpressionAttributeValues: {
          ':u': next.userId,
          ':name': next.name,
          ':show': volunteer?.showOnStarList ?? false,
          ':t': 'VolunteerStar',
          ':min': next.confirmedMinutes ?? 0,
        },
      },
    }),
  ];
}

export const listStars = (communityId: string, month: string) =>
  queryPartition<{ userId: string; name: string; showName: boolean; minutes: number }>(
    `PTSTARS#${communityId}#${month}`,
  );

// ── merchants ────────────────────────────────────────────────────────────────

export const listMerchants = (communityId: string) =>
  queryPartition<MerchantRecord>(key.community(communityId).pk, { sort: { beginsWith: 'MERCHANT#' } });

export const getMerchant = (communityId: string, merchantId: string) =>
  getItem<MerchantRecord>(key.merchant(communityId, merchantId), true);

export const getMerchantOperator = (userId: string) =>
  getItem<{ communityId: string; merchantId: string }>(key.merchantOperator(userId), true);

/** A merchant and its invite code; false when the invite code is taken (the caller draws another). */
export async function createMerchant(
  m: MerchantRecord & { inviteCode: string },
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  try {
    await transactWithReply(
      [
        {
          Put: {
            TableName: tableName,
            Item: { ...key.merchant(m.communityId, m.id), type: 'Merchant', ...m },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...key.merchantInvite(m.inviteCode),
              type: 'MerchantInvite',
              communityId: m.communityId,
              merchantId: m.id,
              status: 'open',
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
      completion,
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

export async function updateAgreement(communityId: string, merchantId: string, agreement: Agreement) {
  try {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key.merchant(communityId, merchantId),
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
  getItem<{ communityId: string; merchantId: string; status: 'open' | 'used' }>(key.merchantInvite(code), true);

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
    inviteKey: key.merchantInvite(code),
    operatorItem: { ...key.merchantOperator(userId), type: 'MerchantOperator', ...invite, boundAt: at },
    userKey: key.user(userId),
    ownerKey: key.merchant(invite.communityId, invite.merchantId),
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
        Item: { ...key.redemptionShortCode(r.communityId, r.shortCode), type: 'RedemptionShortCode', ...r },
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
  getItem<RedemptionShortCodeRecord>(key.redemptionShortCode(communityId, shortCode), true);
