/** The roster list for staff: by building, room and name, phones masked. */
import type { Principal } from '@linli/shared/contract/principal';
import { normalizeRoom } from '@linli/shared/domain/roster/rows';
import { DomainError } from '@linli/shared/domain-error';
import { recordPhoneReveal } from '../onboarding';
import * as repo from './repository';
import { personView } from './views';

/** Most people one answer lists; a wider search says it was cut. */
const LIST_LIMIT = 200;

export async function listRoster(communityId: string, q: { buildingId?: string; room?: string; name?: string }) {
  const room = q.room ? normalizeRoom(q.room) : undefined;
  // A building narrows the Query itself; room and name filter what it returns.
  const people = await repo.listPeople(communityId, { buildingId: q.buildingId });
  const name = q.name?.trim();
  const found = people.filter((p) => (!room || p.room === room) && (!name || p.name.includes(name)));
  return {
    people: found.slice(0, LIST_LIMIT).map(personView),
    truncated: found.length > LIST_LIMIT,
    total: found.length,
  };
}

/**
 * A roster person's full phone, for staff to ring them: the reveal is recorded in the audit list
 * before the number leaves. The person is found in the community's roster by id (a rare staff
 * action; one Query of the partition).
 */
export async function revealPhone(staff: Principal, communityId: string, personId: string) {
  const person = (await repo.listPeople(communityId)).find((p) => p.personId === personId);
  if (!person?.phone) throw new DomainError('ROSTER_PERSON_NOT_FOUND');
  await recordPhoneReveal(staff, communityId, { userId: undefined, name: person.name });
  return { name: person.name, phone: person.phone };
}
