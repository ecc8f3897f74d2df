/** Every DynamoDB read and write of the onboarding feature. */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleGrant } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { appointmentScope } from '@linli/shared/domain/onboarding/invites';
import { documentClient, tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { getItem, queryIndex, queryPartition } from '../platform/items';
import { ConditionsFailed, named, transact, writeWithReply } from '../platform/transactions';
import { getUserGrants, userGrantsUpdate, type UserGrants } from '../platform/user-grants';
import {
  auditItem,
  communityMetaItem,
  holderItem,
  inviteItem,
  onboardingIndex,
  onboardingKey,
  streetItem,
  streetNameLock,
} from './items';
import type { AuditRecord, CommunityMetaRecord, HolderRecord, InviteRecord, StreetRecord } from './records';

// ── streets and communities ──────────────────────────────────────────────────

export const getStreet = (streetId: string) => getItem<StreetRecord>(onboardingKey.street(streetId));
export const listStreets = () => queryIndex<StreetRecord>('gsi1', onboardingIndex.streets());
export const listStreetCommunities = (streetId: string) =>
  queryIndex<CommunityMetaRecord>('gsi1', onboardingIndex.streetCommunities(streetId));
export const getCommunityMeta = (communityId: string) =>
  getItem<CommunityMetaRecord>(onboardingKey.community(communityId));

/** Creates a street and its name lock together; a second street of the same name is refused. */
export async function createStreet(street: StreetRecord, completion?: IdempotencyCompletion): Promise<void> {
  try {
    await transact(
      [
        named('name-lock', {
          Put: {
            TableName: tableName,
            Item: streetNameLock(street),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        named('street', {
          Put: { TableName: tableName, Item: streetItem(street), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
      ],
      completion,
    );
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new DomainError('STREET_NAME_TAKEN');
    throw error;
  }
}

export async function createCommunity(
  community: CommunityMetaRecord,
  completion?: IdempotencyCompletion,
): Promise<void> {
  await writeWithReply(
    {
      Put: {
        TableName: tableName,
        Item: communityMetaItem(community),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    completion,
  );
}

/** Renames or moves a community of the street; any other street's community is not found. */
export async function updateCommunity(
  streetId: string,
  communityId: string,
  change: { name?: string; address?: string },
): Promise<CommunityMetaRecord> {
  const sets: string[] = [];
  const values: Record<string, unknown> = { ':street': streetId };
  if (change.name !== undefined) {
    sets.push('#name = :name', 'gsi1sk = :sort');
    values[':name'] = change.name;
    values[':sort'] = onboardingIndex.communitySort(change.name, communityId);
  }
  if (change.address !== undefined) {
    sets.push('address = :address');
    values[':address'] = change.address;
  }
  try {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: onboardingKey.community(communityId),
        // An empty change still proves the community is the street's.
        UpdateExpression: sets.length > 0 ? `SET ${sets.join(', ')}` : 'SET streetId = :street',
        ConditionExpression: 'streetId = :street',
        ExpressionAttributeNames: change.name !== undefined ? { '#name': 'name' } : undefined,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes as CommunityMetaRecord;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') {
      throw new DomainError('COMMUNITY_NOT_FOUND');
    }
    throw error;
  }
}

// ── invites ──────────────────────────────────────────────────────────────────

export const getInvite = (code: string) => getItem<InviteRecord>(onboardingKey.invite(code), true);
export const listScopeInvites = (scope: string) =>
  queryIndex<InviteRecord>('gsi1', onboardingIndex.scopeInvites(scope), { newestFirst: true, limit: 200 });

/** Stores a new invite with its audit line; false when the code is taken (the caller draws another). */
export async function putInvite(
  invite: InviteRecord,
  audit: AuditRecord,
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  return writeInviteWithAudit(
    {
      Put: {
        TableName: tableName,
        Item: inviteItem(appointmentScope(invite), invite),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    invite,
    audit,
    completion,
  );
}

/** Revokes an invite that is still open; false when it was used or revoked meanwhile. */
export async function revokeInvite(
  invite: InviteRecord,
  at: string,
  audit: AuditRecord,
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  return writeInviteWithAudit(
    {
      Update: {
        TableName: tableName,
        Key: onboardingKey.invite(invite.code),
        UpdateExpression: 'SET #status = :revoked, revokedAt = :at',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':open': 'open', ':at': at },
      },
    },
    invite,
    audit,
    completion,
  );
}

/**
 * One conditional write to an invite and its audit line, in one transaction; false when the
 * invite's condition failed (the audit line has none, so no other condition can).
 */
async function writeInviteWithAudit(
  inviteWrite: Parameters<typeof named>[1],
  invite: InviteRecord,
  audit: AuditRecord,
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  try {
    await transact(
      [
        named('invite', inviteWrite),
        named('audit', { Put: { TableName: tableName, Item: auditItem(appointmentScope(invite), audit) } }),
      ],
      completion,
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionsFailed && error.has('invite')) return false;
    throw error;
  }
}

// ── appointments ─────────────────────────────────────────────────────────────

export type AcceptOutcome = 'accepted' | 'invite-changed' | 'user-changed';

/**
 * Uses the invite and grants its role in one transaction: the invite's condition (still open,
 * still valid) lets exactly one acceptance through, however many arrive at once.
 */
export async function acceptInvite(
  invite: InviteRecord,
  user: UserGrants,
  grants: RoleGrant[],
  holder: HolderRecord,
  audit: AuditRecord,
): Promise<AcceptOutcome> {
  try {
    await transact([
      named('invite', {
        Update: {
          TableName: tableName,
          Key: onboardingKey.invite(invite.code),
          UpdateExpression: 'SET #status = :used, usedBy = :user, usedAt = :at',
          ConditionExpression: '#status = :open AND validUntil > :at',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':used': 'used',
            ':open': 'open',
            ':user': user.userId,
            ':at': holder.grantedAt,
          },
        },
      }),
      named('user', userGrantsUpdate(user, grants, false)),
      named('holder', { Put: { TableName: tableName, Item: holderItem(appointmentScope(holder), holder) } }),
      named('audit', { Put: { TableName: tableName, Item: auditItem(appointmentScope(invite), audit) } }),
    ]);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    return error.has('invite') ? 'invite-changed' : 'user-changed';
  }
}

/** AP: a scope's role holders, all or those whose sort key starts with `prefix` (one role of one community). */
export const listHolders = (scope: string, prefix = onboardingKey.roleHolderPrefix()) =>
  queryPartition<HolderRecord>(onboardingKey.scopePartition(scope), { sort: { beginsWith: prefix }, consistent: true });

export const getHolder = (scope: string, role: string, communityId: string | undefined, userId: string) =>
  getItem<HolderRecord>(onboardingKey.roleHolder(scope, role, communityId, userId), true);

/**
 * Removes an appointment: the holder line goes, the grant leaves the user, and the user's token
 * version moves on so every refresh token they hold stops working at once.
 */
export async function removeAppointment(
  holder: HolderRecord,
  user: UserGrants,
  grants: RoleGrant[],
  audit: AuditRecord,
  completion?: IdempotencyCompletion,
): Promise<'removed' | 'changed'> {
  const holderKey = onboardingKey.roleHolder(appointmentScope(holder), holder.role, holder.communityId, holder.userId);
  try {
    await transact(
      [
        named('holder', {
          Delete: { TableName: tableName, Key: holderKey, ConditionExpression: 'attribute_exists(pk)' },
        }),
        named('user', userGrantsUpdate(user, grants, true)),
        named('audit', { Put: { TableName: tableName, Item: auditItem(appointmentScope(holder), audit) } }),
      ],
      completion,
    );
    return 'removed';
  } catch (error) {
    if (error instanceof ConditionsFailed) return 'changed';
    throw error;
  }
}

export const listAudit = (scope: string) =>
  queryPartition<AuditRecord>(onboardingKey.scopePartition(scope), {
    sort: { beginsWith: onboardingKey.roleAuditPrefix },
    newestFirst: true,
    limit: 200,
  });

/** One line of a scope's audit list on its own (a reveal, which changes nothing else). */
export async function putAudit(scope: string, audit: AuditRecord): Promise<void> {
  await documentClient.send(new PutCommand({ TableName: tableName, Item: auditItem(scope, audit) }));
}

export { getUserGrants, type UserGrants };
