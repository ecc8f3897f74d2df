/** Dependent links (代办): a member asks to act for a household member (or a new one), staff decide. */
import { ulid } from 'ulidx';
import type { DependentLink } from '@linli/shared/contract/identity';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import type { DecisionInput } from './applications';
import * as repo from './caregivers-repository';
import { getMember } from './members-repository';
import { ownMember, requirePlausibleBirthDate } from './members';
import type { LinkRecord, MemberRecord, RelationName } from './records';
import { linkView, linkViews } from './views';

const now = () => new Date().toISOString();

export type LinkInput =
  | { memberId: string; relation: RelationName }
  | { realName: string; birthDate: string; relation: RelationName; phone?: string };

export async function requestDependentLink(principal: Principal, input: LinkInput): Promise<DependentLink> {
  const caregiver = await ownMember(principal);
  const at = now();
  let dependent: MemberRecord;
  let newDependent: MemberRecord | undefined;
  if ('memberId' in input) {
    if (input.memberId === caregiver.memberId) throw new DomainError('DEPENDENT_IS_SELF');
    const found = await getMember(input.memberId);
    if (!found || found.status !== 'verified') throw new DomainError('MEMBER_NOT_FOUND');
    if (found.householdKey !== caregiver.householdKey) throw new DomainError('DEPENDENT_NOT_SAME_HOUSEHOLD');
    dependent = found;
  } else {
    requirePlausibleBirthDate(input.birthDate);
    newDependent = {
      memberId: ulid(),
      communityId: caregiver.communityId,
      communityName: caregiver.communityName,
      buildingId: caregiver.buildingId,
      buildingName: caregiver.buildingName,
      unitId: caregiver.unitId,
      unitName: caregiver.unitName,
      room: caregiver.room,
      householdKey: caregiver.householdKey,
      realName: input.realName,
      birthDate: input.birthDate,
      phone: input.phone,
      status: 'pending',
      registeredBy: principal.userId,
      createdAt: at,
    };
    dependent = newDependent;
  }
  const link: LinkRecord = {
    linkId: ulid(),
    communityId: caregiver.communityId,
    caregiverUserId: principal.userId,
    caregiverName: caregiver.realName,
    caregiverMemberId: caregiver.memberId,
    dependentMemberId: dependent.memberId,
    relation: input.relation,
    status: 'pending',
    createdAt: at,
  };
  const reply = linkView(link, dependent);
  await repo.createLink(link, newDependent, completionPut(reply));
  return reply;
}

export async function listDependentLinks(communityId: string, status = 'pending'): Promise<{ items: DependentLink[] }> {
  return { items: await linkViews(await repo.listCommunityLinks(communityId, status)) };
}

export async function decideDependentLink(
  staff: Principal,
  { communityId, linkId }: { communityId: string; linkId: string },
  decision: DecisionInput,
): Promise<DependentLink> {
  const link = await repo.getLink(linkId);
  if (!link || link.communityId !== communityId) throw new DomainError('LINK_NOT_FOUND');
  if (link.status !== 'pending') throw new DomainError('ALREADY_DECIDED');
  const dependent = await getMember(link.dependentMemberId);
  if (!dependent) throw new DomainError('MEMBER_NOT_FOUND');
  const outcome =
    decision.decision === 'approve'
      ? ({ status: 'active' } as const)
      : ({ status: 'rejected', reason: decision.reason } as const);
  const at = now();
  const decidedDependent: MemberRecord =
    dependent.status === 'pending'
      ? { ...dependent, status: outcome.status === 'active' ? 'verified' : 'rejected' }
      : dependent;
  const reply = linkView({ ...link, ...outcome, decidedAt: at }, decidedDependent);
  const decided = {
    type: 'identity.link_decided' as const,
    communityId,
    caregiverUserId: link.caregiverUserId,
    dependentName: dependent.realName,
    approved: outcome.status === 'active',
    reason: outcome.reason,
  };
  await repo.decideLink(link, outcome, dependent.status === 'pending', staff.userId, at, decided, completionPut(reply));
  return reply;
}
