/** Every DynamoDB read and write of the care feature (微心愿, partner units, care tags). */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { MemberTag } from '@linli/shared/domain/care/tags';
import { documentClient, tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { bindOperatorByInvite, type BindOutcome } from '../platform/operator-binding';
import { batchGetItems, getItem, queryIndex, queryPartition } from '../platform/items';
import type { NotifyEvent } from '../notify';
import { outboxPut } from '../platform/outbox';
import type { CareEvent } from './events';

type OutboxEvent = CareEvent | NotifyEvent;
import { ATTACH_WRITE } from '../photos';
import { DomainError } from '@linli/shared/domain-error';
import {
  ConditionsFailed,
  named,
  putAllNew,
  transact,
  writeWithReply,
  type NamedWrite,
} from '../platform/transactions';
import { partition, index, key } from '../table';
import {
  careIndex,
  careKey,
  memberWishItem,
  partnerInviteItem,
  partnerItem,
  wishItem,
  wishTimelineItem,
} from './items';
import type {
  CareMember,
  CareSettingsRecord,
  ClaimerStatRecord,
  PartnerRecord,
  WishRecord,
  WishTimelineRecord,
} from './records';

const timelinePut = (e: WishTimelineRecord) => ({
  Put: { TableName: tableName, Item: wishTimelineItem(e), ConditionExpression: 'attribute_not_exists(pk)' },
});

// ── wishes: reads ────────────────────────────────────────────────────────────

export const getWish = (wishId: string, consistent = false) => getItem<WishRecord>(careKey.wish(wishId), consistent);

export const getWishes = (wishIds: string[]) =>
  batchGetItems<WishRecord>([...new Set(wishIds)].map((id) => careKey.wish(id)));

/** AP81 */
export const listTimeline = (wishId: string) =>
  queryPartition<WishTimelineRecord>(careKey.wish(wishId).pk, {
    sort: { beginsWith: careKey.wishTimelinePrefix },
    consistent: true,
  });

/** AP82: one status list of a community, oldest first unless asked otherwise. */
export const listByStatus = (communityId: string, status: string, newestFirst = false, limit?: number) =>
  queryIndex<WishRecord>('gsi1', careIndex.communityWishes(communityId, status), { newestFirst, limit });

/** AP83 */
export const listClaimerWishes = (communityId: string, kind: string, claimerId: string) =>
  queryIndex<WishRecord>('gsi2', careIndex.claimerWishes(communityId, kind, claimerId), {
    newestFirst: true,
    limit: 100,
  });

/** AP84: ids of a member's wishes. */
export async function listMemberWishIds(memberId: string): Promise<string[]> {
  const links = await queryPartition<{ wishId: string }>(key.member(memberId).pk, {
    sort: { beginsWith: careKey.memberWishPrefix },
    newestFirst: true,
    limit: 100,
  });
  return links.map((l) => l.wishId);
}

/** AP85 */
export const listClaimerStats = (communityId: string, year: string) =>
  queryPartition<ClaimerStatRecord>(careKey.claimerStat(communityId, year, '', '').pk);

// ── wishes: writes ───────────────────────────────────────────────────────────

/** A new wish with its first timeline entry and the member's link, in one transaction. */
export async function createWish(
  w: WishRecord,
  first: WishTimelineRecord,
  events: OutboxEvent[],
  completion?: IdempotencyCompletion,
  photo?: NamedWrite,
): Promise<void> {
  try {
    await transact(
      [
        named('wish', {
          Put: { TableName: tableName, Item: wishItem(w), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
        named('timeline', timelinePut(first)),
        named('memberWish', {
          Put: { TableName: tableName, Item: memberWishItem(w), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
        ...events.map((e, i) => named(`outbox:${i}`, outboxPut(e))),
        ...(photo ? [photo] : []),
      ],
      completion,
    );
  } catch (error) {
    // Another wish took the photo first (two posts with one photo at once).
    if (error instanceof ConditionsFailed && error.has(ATTACH_WRITE)) throw new DomainError('PHOTO_ALREADY_USED');
    throw error;
  }
}

/** A claimer's yearly figure to add to in the same transaction as the step that earns it. */
export interface StatAdd {
  communityId: string;
  year: string;
  kind: ClaimerStatRecord['kind'];
  claimerId: string;
  name: string;
  field: 'claimed' | 'fulfilled';
}

const statUpdate = (s: StatAdd) => ({
  Update: {
    TableName: tableName,
    Key: careKey.claimerStat(s.communityId, s.year, s.kind, s.claimerId),
    UpdateExpression: 'SET #type = :type, kind = :kind, claimerId = :id, #name = :name ADD #field :one',
    ExpressionAttributeNames: { '#type': 'type', '#name': 'name', '#field': s.field },
    ExpressionAttributeValues: {
      ':type': 'WishClaimerStat',
      ':kind': s.kind,
      ':id': s.claimerId,
      ':name': s.name,
      ':one': 1,
    },
  },
});

/**
 * Moves a wish one step: the whole wish written under a condition on the status and version
 * read (so of fifty claimers exactly one moves it), with its timeline entry, its outbox events
 * and the claimer's yearly figure, in one transaction. 'changed' when someone moved it first.
 */
export async function transition(
  seen: WishRecord,
  next: WishRecord,
  entry: WishTimelineRecord,
  events: OutboxEvent[],
  stat?: StatAdd,
  completion?: IdempotencyCompletion,
  photo?: NamedWrite,
): Promise<'done' | 'changed'> {
  const writes: NamedWrite[] = [
    named('wish', {
      Put: {
        TableName: tableName,
        Item: wishItem(next),
        ConditionExpression: '#status = :seenStatus AND #version = :seenVersion',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':seenStatus': seen.status, ':seenVersion': seen.version },
      },
    }),
    named('timeline', timelinePut(entry)),
    ...events.map((e, i) => named(`outbox:${i}`, outboxPut(e))),
    ...(stat ? [named('stat', statUpdate(stat))] : []),
    ...(photo ? [photo] : []),
  ];
  try {
    await transact(writes, completion);
    return 'done';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    if (error.has(ATTACH_WRITE)) throw new DomainError('PHOTO_ALREADY_USED');
    return 'changed';
  }
}

// ── settings ─────────────────────────────────────────────────────────────────

export const DEFAULT_CARE_SETTINGS: CareSettingsRecord = { overdueDays: 7, pointsPerWish: 10 };

/** AP87 */
export async function getSettings(communityId: string): Promise<CareSettingsRecord> {
  const s = await getItem<CareSettingsRecord>(careKey.settings(communityId));
  return { ...DEFAULT_CARE_SETTINGS, ...(s ? { overdueDays: s.overdueDays, pointsPerWish: s.pointsPerWish } : {}) };
}

export async function putSettings(
  communityId: string,
  s: CareSettingsRecord,
  completion?: IdempotencyCompletion,
): Promise<void> {
  await writeWithReply(
    { Put: { TableName: tableName, Item: { ...careKey.settings(communityId), type: 'CareSettings', ...s } } },
    completion,
  );
}

// ── partner units ────────────────────────────────────────────────────────────

/** A partner unit and its invite code, both new (false when the code is taken: pick another). */
export async function createPartner(
  p: PartnerRecord & { inviteCode: string },
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  return putAllNew([partnerItem(p), partnerInviteItem(p.inviteCode, p)], completion);
}

/** AP86 */
export const listPartners = (communityId: string) =>
  queryPartition<PartnerRecord>(partition.community(communityId), { sort: { beginsWith: careKey.partnerPrefix } });
export const getPartner = (communityId: string, partnerId: string) =>
  getItem<PartnerRecord>(careKey.partner(communityId, partnerId), true);
export const getInvite = (code: string) =>
  getItem<{ communityId: string; partnerId: string; status: 'open' | 'used' }>(careKey.partnerInvite(code), true);
export const getPartnerOperator = (userId: string) =>
  getItem<{ communityId: string; partnerId: string }>(careKey.partnerOperator(userId), true);

/**
 * Binds a user to a partner unit: the invite is used once, the user gets the partner grant, and
 * the unit records its operator, in one transaction.
 */
export function bindOperator(
  userId: string,
  code: string,
  invite: { communityId: string; partnerId: string },
  at: string,
  completion?: IdempotencyCompletion,
): Promise<BindOutcome> {
  return bindOperatorByInvite({
    completion,
    userId,
    at,
    inviteKey: careKey.partnerInvite(code),
    operatorItem: { ...careKey.partnerOperator(userId), type: 'PartnerOperator', ...invite, boundAt: at },
    userKey: key.user(userId),
    ownerKey: careKey.partner(invite.communityId, invite.partnerId),
    grant: { role: 'partner', communityId: invite.communityId, partnerId: invite.partnerId },
  });
}

// ── members and their care tags ──────────────────────────────────────────────

export const getMember = (memberId: string) => getItem<CareMember>(careKey.member(memberId), true);

/** AP10: a community's members (Query by the community's member index, never a Scan). */
export const listCommunityMembers = (communityId: string) =>
  queryIndex<CareMember>('gsi1', index.communityMembers(communityId));

/** Sets the care tags, a field of the member item, only on a member of this community. */
export async function setTags(
  communityId: string,
  memberId: string,
  tags: MemberTag[],
): Promise<CareMember | undefined> {
  try {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: careKey.member(memberId),
        UpdateExpression: 'SET tags = :tags',
        ConditionExpression: 'communityId = :c',
        ExpressionAttributeValues: { ':tags': tags, ':c': communityId },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes as CareMember;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}
