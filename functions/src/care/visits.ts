/** Recording a grid worker's visit (敲门): the visit, the person's visit state and any follow-up, at once. */
import type { Visit } from '@linli/shared/contract/care-visits';
import type { Principal } from '@linli/shared/contract/principal';
import {
  afterVisit,
  observationRequired,
  type VisitMethod,
  type VisitObservation,
} from '@linli/shared/domain/care/visits';
import { DomainError } from '@linli/shared/errors';
import { ulid } from 'ulidx';
import { completionPut } from '../platform/idempotency';
import { requirePerson, visitView } from './grid-people';
import type { VisitRecord } from './visit-items';
import * as repo from './visit-repository';

export async function recordVisit(
  principal: Principal,
  communityId: string,
  memberId: string,
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
  const state = afterVisit(member, { at, method: input.method, observation: input.observation });
  const reply = visitView(visit);
  if (!(await repo.recordVisit(visit, state, [], completionPut(reply)))) throw new DomainError('MEMBER_NOT_FOUND');
  return reply;
}
