/** Recording a grid worker's visit (敲门): the visit, the person's visit state and any follow-up, at once. */
import type { Visit } from '@linli/shared/contract/care-visits';
import type { Principal } from '@linli/shared/contract/principal';
import {
  afterVisit,
  needsFollowUp,
  observationRequired,
  type VisitMethod,
  type VisitObservation,
} from '@linli/shared/domain/care/visits';
import { wallName } from '@linli/shared/domain/care/wish';
import { DomainError } from '@linli/shared/domain-error';
import { ulid } from 'ulidx';
import { completionPut } from '../platform/idempotency';
import { requirePerson, visitView } from './grid-people';
import { needIntakeWrites } from './need-intake';
import type { VisitRecord } from './visit-items';
import * as repo from './visit-repository';

/** What the need says: what was seen, and the grid worker's note when there is one. */
function needText(observation: VisitObservation, note: string | undefined): string {
  const seen = observation === '紧急' ? '网格员探访发现紧急情况' : '网格员探访发现需要帮助';
  // The need keeps to its own limit (200), however long the visit note was.
  return (note ? `${seen}：${note}` : seen).slice(0, 200);
}

/**
 * Records a visit. 「需要帮助」 and 「紧急」 bring a need (求助) into being in the same transaction
 * (source: this visit), so the visit and its need are written together or not at all.
 */
export async function recordVisit(
  principal: Principal,
  { communityId, memberId }: { communityId: string; memberId: string },
  input: { method: VisitMethod; observation?: VisitObservation; note?: string },
): Promise<Visit> {
  if (observationRequired(input.method) && !input.observation) throw new DomainError('VISIT_OBSERVATION_REQUIRED');
  const { member, person } = await requirePerson(principal, communityId, memberId);
  const now = new Date();
  const at = now.toISOString();
  const visit: VisitRecord = {
    visitId: ulid(now.getTime()),
    communityId,
    memberId,
    gridId: person.gridId,
    at,
    byUserId: principal.userId,
    byName: principal.name,
    method: input.method,
    observation: input.observation,
    note: input.note || undefined,
  };
  const followUp =
    input.observation && needsFollowUp(input.observation)
      ? needIntakeWrites(
          {
            communityId,
            source: { kind: 'visit', visitId: visit.visitId, gridId: person.gridId },
            person: {
              memberId,
              label: wallName(member.realName, member.buildingName, true),
              userId: member.userId,
              buildingId: member.buildingId,
              gridId: person.gridId,
            },
            text: needText(input.observation, visit.note),
            category: '生活照料',
            urgency: input.observation === '紧急' ? 'urgent' : 'normal',
            createdBy: {
              userId: principal.userId,
              name: principal.name,
              role: principal.grants.some((g) => g.role === 'grid' && g.communityId === communityId) ? 'grid' : 'staff',
            },
          },
          now,
        )
      : undefined;
  if (followUp) visit.needId = followUp.needId;
  const state = afterVisit(member, { at, method: input.method, observation: input.observation });
  const reply = visitView(visit);
  if (!(await repo.recordVisit(visit, state, followUp?.items ?? [], completionPut(reply))))
    throw new DomainError('MEMBER_NOT_FOUND');
  return reply;
}
