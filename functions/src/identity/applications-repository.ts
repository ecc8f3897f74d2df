/** DynamoDB reads and writes of membership applications, with the lock that allows one per user. */
import type { RoleGrant } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { getItem, queryIndex } from '../platform/items';
import { outboxPut } from '../platform/outbox';
import { ConditionsFailed, named, transact, type NamedWrite } from '../platform/transactions';
import type { IdentityEvent as OutboxEvent } from './events';
import { applicationItem, identityIndex, identityKey, memberItem, membershipLockItem } from './items';
import type { ApplicationRecord, MemberRecord } from './records';

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

/** The new member and the user's resident grant: written together when an application is approved. */
const newMemberWrites = (userId: string, member: MemberRecord, grant: RoleGrant): NamedWrite[] => [
  named('member', {
    Put: { TableName: tableName, Item: memberItem(member), ConditionExpression: 'attribute_not_exists(pk)' },
  }),
  named('user', {
    Update: {
      TableName: tableName,
      Key: identityKey.user(userId),
      UpdateExpression: 'SET memberId = :m, #name = :name, grants = list_append(grants, :grant)',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(memberId)',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':m': member.memberId, ':name': member.realName, ':grant': [grant] },
    },
  }),
];

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
        ...newMemberWrites(a.userId, member, grant),
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

export const getApplication = (applicationId: string) =>
  getItem<ApplicationRecord>(identityKey.application(applicationId));

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
        ...newMemberWrites(a.userId, member, grant),
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
