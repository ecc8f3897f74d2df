/**
 * The roster's part in membership applications (item 4 of the issue): who on the roster an
 * applicant is, and the write that links that person to the member the application creates —
 * for identity to put into its own approval transaction.
 */
import { closestRows, matchApplicant } from '@linli/shared/domain/roster/matching';
import { tableName } from '../platform/dynamo';
import { rosterKey } from './items';
import type { PersonRecord } from './records';
import * as repo from './repository';

export interface RosterLookup {
  /** The roster person the applicant is (name + household, + phone's last 4 when known). */
  match?: PersonRecord;
  /** The household's roster rows, closest name first, for staff to compare. */
  candidates: PersonRecord[];
}

export async function lookUpApplicant(a: {
  communityId: string;
  buildingId: string;
  unitId: string;
  room: string;
  realName: string;
  phone: string;
}): Promise<RosterLookup> {
  const household = await repo.listPeople(a.communityId, { buildingId: a.buildingId, unitId: a.unitId, room: a.room });
  return { match: matchApplicant(a, household), candidates: closestRows(a.realName, household) };
}

/** Links a roster person to their new member, in the approval's transaction; the person must still be there. */
export function linkPersonToMember(person: PersonRecord, memberId: string) {
  return {
    Update: {
      TableName: tableName,
      Key: rosterKey.person(person.communityId, person),
      UpdateExpression: 'SET memberId = :m',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':m': memberId },
    },
  };
}
