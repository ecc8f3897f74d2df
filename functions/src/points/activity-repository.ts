/** Reads and writes of volunteers, their activities and signups. */
import type { RoleGrant } from '@linli/shared/contract/principal';
import { tableName } from '../platform/dynamo';
import { getItem, queryIndex, queryPartition } from '../platform/items';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { ConditionsFailed, named, transact, writeWithReply, type NamedWrite } from '../platform/transactions';
import { key } from '../table';
import { activityItem, pointsIndex, pointsKey, signupItem, volunteerItem } from './items';
import { type ActivityRecord, type SignupRecord, type VolunteerRecord } from './records';
import { EXTRA } from './ledger-repository';

// ── volunteers ───────────────────────────────────────────────────────────────

export const getVolunteer = (userId: string, communityId: string) =>
  getItem<VolunteerRecord>(pointsKey.volunteer(userId, communityId), true);

export const listVolunteers = (communityId: string) =>
  queryIndex<VolunteerRecord>('gsi1', pointsIndex.communityVolunteers(communityId));

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

export async function putActivity(a: ActivityRecord, completion?: IdempotencyCompletion): Promise<void> {
  await writeWithReply(
    { Put: { TableName: tableName, Item: activityItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
    completion,
  );
}

export const getActivity = (activityId: string, consistent = false) =>
  getItem<ActivityRecord>(pointsKey.activity(activityId), consistent);

/** AP61: activities not yet ended (or ended within `graceHours`, so late check-outs and confirmations still find them). */
export function listActivities(communityId: string, now: Date, graceHours = 72) {
  const from = new Date(now.getTime() - graceHours * 3600_000).toISOString();
  return queryIndex<ActivityRecord>('gsi1', pointsIndex.communityActivities(communityId), {
    sort: { op: '>=', value: from },
  });
}

export const getSignup = (activityId: string, userId: string) =>
  getItem<SignupRecord>(pointsKey.signup(activityId, userId), true);
export const listSignups = (activityId: string) =>
  queryPartition<SignupRecord>(pointsKey.activity(activityId).pk, { sort: { beginsWith: pointsKey.signupPrefix } });
export const listUserSignups = (userId: string) => queryIndex<SignupRecord>('gsi1', pointsIndex.userSignups(userId));
export const listPendingHours = (communityId: string) =>
  queryIndex<SignupRecord>('gsi2', pointsIndex.pendingHours(communityId));

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
            Key: pointsKey.activity(s.activityId),
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
        Key: pointsKey.volunteerStar(next.communityId, month, next.userId),
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
    pointsKey.starsPartition(communityId, month),
  );
