/** The roster list for staff: by building, room and name, phones masked. */
import { normalizeRoom } from '@linli/shared/domain/roster/rows';
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
