/** Members registered by staff, the community's member list, a household, a member's card. */
import { ulid } from 'ulidx';
import type { MemberCard } from '@linli/shared/contract/identity';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { householdKey, isPlausibleBirthDate, todayInShanghai } from '@linli/shared/domain/identity/person';
import { withCurrentNames } from '../community';
import { completionPut } from '../platform/idempotency';
import { actingVia, ownMemberId } from './acting';
import type { MembershipInput } from './applications';
import * as repo from './members-repository';
import type { MemberRecord } from './records';
import { memberCard } from './views';

/** A birth date no later than today and no more than 120 years back, or BIRTH_DATE_INVALID. */
export function requirePlausibleBirthDate(birthDate: string): void {
  if (!isPlausibleBirthDate(birthDate, todayInShanghai())) {
    throw new DomainError('BIRTH_DATE_INVALID', [{ path: 'body.birthDate', message: '出生日期不正确' }]);
  }
}

export async function registerMember(
  staff: Principal,
  communityId: string,
  input: Omit<MembershipInput, 'communityId' | 'phone'> & { phone?: string },
): Promise<MemberCard> {
  requirePlausibleBirthDate(input.birthDate);
  const address = await repo.resolveAddress({ ...input, communityId }, { forNewMember: true });
  const member: MemberRecord = {
    memberId: ulid(),
    ...address,
    householdKey: householdKey(address),
    realName: input.realName,
    birthDate: input.birthDate,
    phone: input.phone,
    status: 'verified',
    registeredBy: staff.userId,
    createdAt: new Date().toISOString(),
  };
  const reply = memberCard(member);
  await repo.putNewMember(member, completionPut(reply));
  return reply;
}

export async function listMembers(communityId: string, buildingId?: string): Promise<{ members: MemberCard[] }> {
  const members = await withCurrentNames(await repo.listCommunityMembers(communityId, buildingId));
  return { members: members.filter((m) => m.status === 'verified').map((m) => memberCard(m)) };
}

/** The caller's own verified member record, or NOT_A_MEMBER. */
export async function ownMember(principal: Principal): Promise<MemberRecord> {
  const memberId = ownMemberId(principal);
  const member = memberId ? await repo.getMember(memberId) : undefined;
  if (!member || member.status !== 'verified') throw new DomainError('NOT_A_MEMBER');
  return member;
}

export async function listHousehold(principal: Principal): Promise<{ members: MemberCard[] }> {
  const self = await ownMember(principal);
  const members = await withCurrentNames(await repo.listHouseholdMembers(self.householdKey));
  return {
    members: members.filter((m) => m.memberId !== self.memberId && m.status === 'verified').map((m) => memberCard(m)),
  };
}

/** Who may see a member's card: the member, an active caregiver, or staff of the community. */
export async function getMemberCard(principal: Principal, memberId: string): Promise<MemberCard> {
  const member = await repo.getMember(memberId);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  if (!(await actingVia(principal, member))) throw new DomainError('FORBIDDEN');
  const [current] = await withCurrentNames([member]);
  return memberCard(current!);
}
