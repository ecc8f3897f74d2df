/** Every DynamoDB read and write of the identity feature. */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleGrant } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/errors';
import { householdKey } from '@linli/shared/domain/identity/person';
import { documentClient, tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { outboxPut } from '../platform/outbox';
import type { IdentityEvent as OutboxEvent } from './events';
import { batchGetItems, getItem, queryIndex } from '../platform/items';
import { ConditionsFailed, named, transact, writeWithReply, type NamedWrite } from '../platform/transactions';
import { GSI, key } from '../table';
import {
  applicationItem,
  careGrantItem,
  identityIndex,
  identityKey,
  linkItem,
  memberItem,
  membershipLockItem,
  openidItem,
  userItem,
} from './items';
import type { Address, ApplicationRecord, LinkRecord, MemberRecord, UserRecord } from './records';

const get = <T>(k: { pk: string; sk: string }) => getItem<T>(k);

// ── users ────────────────────────────────────────────────────────────────────

export const getUser = (userId: string) => get<UserRecord>(identityKey.user(userId));

export async function findUserIdByOpenid(openid: string): Promise<string | undefined> {
  return (await get<{ userId: string }>(identityKey.openid(openid)))?.userId;
}

/** Creates the user and its openid mapping together; if another login won the race, returns its user. */
export async function createUserForOpenid(openid: string, user: UserRecord): Promise<string> {
  try {
    await transact([
      named('openid', {
        Put: {
          TableName: tableName,
          Item: openidItem(openid, user.userId),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
      named('user', {
        Put: { TableName: tableName, Item: userItem(user), ConditionExpression: 'attribute_not_exists(pk)' },
      }),
    ]);
    return user.userId;
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    const existing = await findUserIdByOpenid(openid);
    if (!existing) throw error;
    return existing;
  }
}

/** Revokes every refresh token of the user: refresh checks the version it was issued with. */
export async function bumpTokenVersion(userId: string): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: identityKey.user(userId),
        UpdateExpression: 'ADD #tokenVersion :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#tokenVersion': 'tokenVersion' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    // No such user (a token outliving its account): nothing to revoke.
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function listDevLogins(): Promise<{ devCode: string; name: string; roleLabel: string }[]> {
  return queryIndex('gsi1', identityIndex.devLogins());
}

// ── community structure ──────────────────────────────────────────────────────

/**
 * Resolves a building and unit of a community, or BUILDING_NOT_FOUND / COMMUNITY_NOT_FOUND; a
 * new member (`forNewMember`) cannot be placed in a retired grid, building or unit (BUILDING_RETIRED).
 */
export async function resolveAddress(
  p: { communityId: string; buildingId: string; unitId: string; room: string },
  options: { forNewMember?: boolean } = {},
): Promise<Address> {
  const [community, building] = await Promise.all([
    get<{ name: string }>(key.community(p.communityId)),
    get<{ name: string; gridId: string; retired?: boolean; units: { id: string; name: string; retired?: boolean }[] }>(
      key.building(p.communityId, p.buildingId),
    ),
  ]);
  if (!community) throw new DomainError('COMMUNITY_NOT_FOUND');
  const unit = building?.units.find((u) => u.id === p.unitId);
  if (!building || !unit) throw new DomainError('BUILDING_NOT_FOUND');
  if (options.forNewMember) {
    const grid = await get<{ retired?: boolean }>(key.grid(p.communityId, building.gridId));
    if (building.retired || unit.retired || grid?.retired) throw new DomainError('BUILDING_RETIRED');
  }
  return {
    communityId: p.communityId,
    communityName: community.name,
    buildingId: p.buildingId,
    buildingName: building.name,
    unitId: unit.id,
    unitName: unit.name,
    room: p.room.toUpperCase(),
  };
}

// ── members ──────────────────────────────────────────────────────────────────

export const getMember = (memberId: string) => get<MemberRecord>(identityKey.member(memberId));

export function getMembers(memberIds: string[]): Promise<MemberRecord[]> {
  return batchGetItems<MemberRecord>([...new Set(memberIds)].map((id) => identityKey.member(id)));
}

export async function putNewMember(m: MemberRecord, completion?: IdempotencyCompletion): Promise<void> {
  await writeWithReply(
    { Put: { TableName: tableName, Item: memberItem(m), ConditionExpression: 'attribute_not_exists(pk)' } },
    completion,
  );
}

export const listCommunityMembers = (communityId: string, buildingId?: string) =>
  queryIndex<MemberRecord>('gsi1', identityIndex.communityMembers(communityId), {
    sort: buildingId ? { beginsWith: `${buildingId}#` } : undefined,
  });

export const listHouseholdMembers = (key: string) => queryIndex<MemberRecord>('gsi2', identityIndex.household(key));

export { householdKey };

// ── membership applications ──────────────────────────────────────────────────

/** Files an application and takes the user's membership lock in one transaction. */
export async function createApplication(a: ApplicationRecord, completion?: IdempotencyCompletion): Promise<void> {
  try {
    await transact(
      [
        named('lock', {
          Put: {
            TableName: tableName,
            Item: membershipLockItem(a.userId, a.applicationId, 'pending'),
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        }),
        named('application', {
          Put: {
            TableName: tableName,
            Item: applicationItem(a),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
      ],
      completion,
    );
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    const lock = error.old('lock');
    throw new DomainError(lock?.status === 'approved' ? 'ALREADY_MEMBER' : 'APPLICATION_PENDING');
  }
}

type TransactItem = NamedWrite['write'];

/**
 * Files an application that the roster approved at once: lock (already approved), application,
 * member, the user's resident grant, the roster person's link and the message commit together
 * with the request's completion. False when the roster person is gone (file it as pending then).
 */
export async function createApprovedApplication(
  a: ApplicationRecord,
  member: MemberRecord,
  grant: RoleGrant,
  event: OutboxEvent,
  rosterLink: TransactItem,
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  try {
    await transact(
      [
        named('lock', {
          Put: {
            TableName: tableName,
            Item: membershipLockItem(a.userId, a.applicationId, 'approved'),
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        }),
        named('application', {
          Put: { TableName: tableName, Item: applicationItem(a), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
        named('member', {
          Put: { TableName: tableName, Item: memberItem(member), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
        named('user', {
          Update: {
            TableName: tableName,
            Key: identityKey.user(a.userId),
            UpdateExpression: 'SET memberId = :m, #name = :name, grants = list_append(grants, :grant)',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(memberId)',
            ExpressionAttributeNames: { '#name': 'name' },
            ExpressionAttributeValues: { ':m': member.memberId, ':name': member.realName, ':grant': [grant] },
          },
        }),
        named('roster-person', rosterLink),
        named('outbox', outboxPut(event)),
      ],
      completion,
    );
    return true;
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    if (error.has('lock')) {
      throw new DomainError(error.old('lock')?.status === 'approved' ? 'ALREADY_MEMBER' : 'APPLICATION_PENDING');
    }
    if (error.has('user')) throw new DomainError('ALREADY_MEMBER');
    if (error.has('roster-person')) return false;
    throw error;
  }
}

export const getApplication = (applicationId: string) => get<ApplicationRecord>(identityKey.application(applicationId));

export const listUserApplications = (userId: string, limit?: number) =>
  queryIndex<ApplicationRecord>('gsi1', identityIndex.userApplications(userId), { newestFirst: true, limit });

export const listCommunityApplications = (communityId: string, status: string) =>
  queryIndex<ApplicationRecord>('gsi2', identityIndex.communityApplications(communityId, status));

/**
 * Approves an application: the application, the new member, the user's resident grant and the
 * lock change together or not at all. A second decision finds the application no longer pending.
 */
export async function approveApplication(
  a: ApplicationRecord,
  member: MemberRecord,
  grant: RoleGrant,
  staffUserId: string,
  at: string,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
  /** Writes of other features that belong to the approval (the roster person's link). */
  alongside: TransactItem[] = [],
): Promise<void> {
  try {
    await transact(
      [
        ...alongside.map((write, n) => named(`alongside:${n}`, write)),
        named('outbox', outboxPut(event)),
        named('application', {
          Update: {
            TableName: tableName,
            Key: identityKey.application(a.applicationId),
            UpdateExpression: 'SET #status = :approved, decidedAt = :at, decidedBy = :by, gsi2pk = :gsi2pk',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':approved': 'approved',
              ':pending': 'pending',
              ':at': at,
              ':by': staffUserId,
              ':gsi2pk': identityIndex.communityApplications(a.communityId, 'approved'),
            },
          },
        }),
        named('member', {
          Put: { TableName: tableName, Item: memberItem(member), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
        named('user', {
          Update: {
            TableName: tableName,
            Key: identityKey.user(a.userId),
            UpdateExpression: 'SET memberId = :m, #name = :name, grants = list_append(grants, :grant)',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(memberId)',
            ExpressionAttributeNames: { '#name': 'name' },
            ExpressionAttributeValues: { ':m': member.memberId, ':name': member.realName, ':grant': [grant] },
          },
        }),
        named('lock', {
          Update: {
            TableName: tableName,
            Key: identityKey.membershipLock(a.userId),
            UpdateExpression: 'SET #status = :approved',
            ConditionExpression: 'applicationId = :id',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':approved': 'approved', ':id': a.applicationId },
          },
        }),
      ],
      completion,
    );
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new DomainError('ALREADY_DECIDED');
    throw error;
  }
}

/** Rejects an application and frees the user's lock so they can apply again. */
export async function rejectApplication(
  a: ApplicationRecord,
  reason: string,
  staffUserId: string,
  at: string,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
): Promise<void> {
  try {
    await transact(
      [
        named('outbox', outboxPut(event)),
        named('application', {
          Update: {
            TableName: tableName,
            Key: identityKey.application(a.applicationId),
            UpdateExpression:
              'SET #status = :rejected, reason = :reason, decidedAt = :at, decidedBy = :by, gsi2pk = :gsi2pk',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':rejected': 'rejected',
              ':pending': 'pending',
              ':reason': reason,
              ':at': at,
              ':by': staffUserId,
              ':gsi2pk': identityIndex.communityApplications(a.communityId, 'rejected'),
            },
          },
        }),
        named('lock', {
          Delete: {
            TableName: tableName,
            Key: identityKey.membershipLock(a.userId),
            ConditionExpression: 'applicationId = :id',
            ExpressionAttributeValues: { ':id': a.applicationId },
          },
        }),
      ],
      completion,
    );
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new DomainError('ALREADY_DECIDED');
    throw error;
  }
}

// ── dependent links and acting for ───────────────────────────────────────────

/**
 * Files a link request: the care grant (pending) guards against a second request for the same
 * pair; a new dependent's member record is created pending in the same transaction.
 */
export async function createLink(
  link: LinkRecord,
  newDependent?: MemberRecord,
  completion?: IdempotencyCompletion,
): Promise<void> {
  const writes: NamedWrite[] = [
    named('care-grant', {
      Put: {
        TableName: tableName,
        Item: careGrantItem(link.dependentMemberId, link.caregiverUserId, 'pending', link.linkId),
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :rejected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':rejected': 'rejected' },
      },
    }),
    named('link', {
      Put: { TableName: tableName, Item: linkItem(link), ConditionExpression: 'attribute_not_exists(pk)' },
    }),
  ];
  if (newDependent) {
    writes.push(
      named('dependent', {
        Put: { TableName: tableName, Item: memberItem(newDependent), ConditionExpression: 'attribute_not_exists(pk)' },
      }),
    );
  }
  try {
    await transact(writes, completion);
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new DomainError('DEPENDENT_ALREADY_LINKED');
    throw error;
  }
}

export const getLink = (linkId: string) => get<LinkRecord>(identityKey.link(linkId));

export const listUserLinks = (userId: string) => queryIndex<LinkRecord>('gsi1', identityIndex.userLinks(userId));

export const listCommunityLinks = (communityId: string, status: string) =>
  queryIndex<LinkRecord>('gsi2', identityIndex.communityLinks(communityId, status));

/** Confirms or refuses a link; the care grant and a new dependent's record follow in one transaction. */
export async function decideLink(
  link: LinkRecord,
  outcome: { status: 'active' | 'rejected'; reason?: string },
  dependentWasPending: boolean,
  staffUserId: string,
  at: string,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
): Promise<void> {
  const names = { '#status': 'status' };
  const writes: NamedWrite[] = [
    named('outbox', outboxPut(event)),
    named('link', {
      Update: {
        TableName: tableName,
        Key: identityKey.link(link.linkId),
        UpdateExpression: `SET #status = :status, decidedAt = :at, decidedBy = :by, gsi2pk = :gsi2pk${
          outcome.reason ? ', reason = :reason' : ''
        }`,
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':pending': 'pending',
          ':at': at,
          ':by': staffUserId,
          ':gsi2pk': identityIndex.communityLinks(link.communityId, outcome.status),
          ...(outcome.reason ? { ':reason': outcome.reason } : {}),
        },
      },
    }),
    named('care-grant', {
      Update: {
        TableName: tableName,
        Key: identityKey.careGrant(link.dependentMemberId, link.caregiverUserId),
        UpdateExpression: 'SET #status = :status',
        ConditionExpression: 'linkId = :linkId AND #status = :pending',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':status': outcome.status, ':linkId': link.linkId, ':pending': 'pending' },
      },
    }),
  ];
  if (dependentWasPending) {
    writes.push(
      named('dependent', {
        Update: {
          TableName: tableName,
          Key: identityKey.member(link.dependentMemberId),
          UpdateExpression: 'SET #status = :status',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ':status': outcome.status === 'active' ? 'verified' : 'rejected',
            ':pending': 'pending',
          },
        },
      }),
    );
  }
  try {
    await transact(writes, completion);
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new DomainError('ALREADY_DECIDED');
    throw error;
  }
}

/** AP12: the status of user's right to act for member, if any. */
export async function careGrantStatus(memberId: string, userId: string): Promise<string | undefined> {
  return (await get<{ status: string }>(identityKey.careGrant(memberId, userId)))?.status;
}

/**
 * AP10 as a count: members verified before `before` (the street's figures). Select COUNT with a
 * filter reads the index partition but returns no member's data.
 */
export async function countVerifiedMembers(communityId: string, before: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: GSI.gsi1.name,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: '#status = :verified AND #createdAt < :before',
        ExpressionAttributeNames: { '#pk': GSI.gsi1.partitionKey, '#status': 'status', '#createdAt': 'createdAt' },
        ExpressionAttributeValues: {
          ':pk': identityIndex.communityMembers(communityId),
          ':verified': 'verified',
          ':before': before,
        },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
}
