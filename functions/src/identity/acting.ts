import type { Principal } from '@linli/shared/contract/principal';
import type { ActingSubject } from '../platform/acting-for';
import { DomainError } from '@linli/shared/domain-error';
import { ageOn, todayInShanghai } from '@linli/shared/domain/identity/person';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { careGrantStatus } from './caregivers-repository';
import { getMember } from './members-repository';
import type { MemberRecord } from './records';

export type { ActingSubject };

/** Acting for a member is allowed to the member's own user, an active caregiver, or staff of the community. */
export async function actingVia(principal: Principal, member: MemberRecord): Promise<ActingSubject['via'] | undefined> {
  if (member.userId === principal.userId) return 'self';
  if (isStaffOf(principal, member.communityId)) return 'staff';
  if ((await careGrantStatus(member.memberId, principal.userId)) === 'active') return 'caregiver';
  return undefined;
}

/** Resolves `X-Acting-For: <memberId>`, or refuses with 404 / 403. */
export async function resolveActingSubject(principal: Principal, memberId: string): Promise<ActingSubject> {
  return subjectFromMember(principal, await getMember(memberId));
}

/** resolveActingSubject with the member record already read (a hot path reads it in its own batch). */
export async function subjectFromMember(
  principal: Principal,
  member: MemberRecord | undefined,
): Promise<ActingSubject> {
  if (!member || member.status !== 'verified') throw new DomainError('MEMBER_NOT_FOUND');
  const via = await actingVia(principal, member);
  if (!via) throw new DomainError('ACTING_FOR_NOT_ALLOWED');
  return {
    memberId: member.memberId,
    realName: member.realName,
    communityId: member.communityId,
    buildingId: member.buildingId,
    buildingName: member.buildingName,
    unitId: member.unitId,
    unitName: member.unitName,
    room: member.room,
    birthDate: member.birthDate,
    age: ageOn(member.birthDate, todayInShanghai()),
    via,
  };
}

/** Who calls a use case: the signed-in user and, on routes that allow it, the member they act for. */
export interface Caller {
  principal: Principal;
  onBehalfOf: ActingSubject | undefined;
}

/**
 * How a record names who did something for the subject: the member themselves (as a resident),
 * or the caregiver or staff member who acted for them (under their own name).
 */
export function actedBy(
  principal: Principal,
  subject: ActingSubject,
): { byName: string; byRole: 'resident' | 'caregiver' | 'staff' } {
  return subject.via === 'self'
    ? { byName: subject.realName, byRole: 'resident' }
    : { byName: principal.name, byRole: subject.via };
}

/**
 * The note a timeline keeps when someone else entered a record for the member: staff registered
 * it (由工作人员…代为登记), or a caregiver did `caregiverDid` (家属…代为提出); none when the
 * member did it themselves.
 */
export function enteredForNote(principal: Principal, subject: ActingSubject, caregiverDid: string): string | undefined {
  if (subject.via === 'staff') return `由工作人员${principal.name}代为登记`;
  if (subject.via === 'caregiver') return `家属${principal.name}${caregiverDid}`;
  return undefined;
}

/** The caller's own member record id, when they are a resident. */
export function ownMemberId(principal: Principal): string | undefined {
  return principal.grants.find((g) => g.role === 'resident' && g.memberId)?.memberId;
}

/** The member a resident request is about: the acted-for member, or the caller's own record. */
export async function subjectOf({ principal, onBehalfOf }: Caller): Promise<ActingSubject> {
  if (onBehalfOf) return onBehalfOf;
  const memberId = ownMemberId(principal);
  if (!memberId) throw new DomainError('NOT_A_MEMBER');
  return resolveActingSubject(principal, memberId);
}

/** The member a resident request is about, who must belong to the community the path names. */
export async function subjectIn(caller: Caller, communityId: string): Promise<ActingSubject> {
  checkSubjectIn(caller, communityId);
  // A person may be a resident of more than one community: the record of this one, if any.
  const subject = caller.onBehalfOf
    ? caller.onBehalfOf
    : await resolveActingSubject(caller.principal, ownMemberIdIn(caller.principal, communityId)!);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  return subject;
}

/**
 * For a hot path that reads the subject's member record in its own batch (then subjectInFrom):
 * refuses what subjectIn refuses without reading (checkSubjectIn), and names the subject's member
 * and whether its record must be read (not when acting for someone, resolved up front).
 */
export function subjectToRead(caller: Caller, communityId: string): { memberId: string; readMember: boolean } {
  checkSubjectIn(caller, communityId);
  if (caller.onBehalfOf) return { memberId: caller.onBehalfOf.memberId, readMember: false };
  return { memberId: ownMemberIdIn(caller.principal, communityId)!, readMember: true };
}

/** subjectIn with the member record (of subjectToRead) already read. */
export async function subjectInFrom(
  caller: Caller,
  communityId: string,
  member: MemberRecord | undefined,
): Promise<ActingSubject> {
  checkSubjectIn(caller, communityId);
  const subject = caller.onBehalfOf ?? (await subjectFromMember(caller.principal, member));
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  return subject;
}

/**
 * What subjectIn refuses without reading anything: no member to act as, or an acted-for member
 * of another community. Hot paths run it before their own reads, so refusals keep their order.
 */
export function checkSubjectIn({ principal, onBehalfOf }: Caller, communityId: string): void {
  if (onBehalfOf) {
    if (onBehalfOf.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
    return;
  }
  if (!ownMemberIdIn(principal, communityId)) throw new DomainError('NOT_A_MEMBER');
}

function ownMemberIdIn(principal: Principal, communityId: string): string | undefined {
  const resident = principal.grants.filter((g) => g.role === 'resident' && g.memberId);
  return (resident.find((g) => g.communityId === communityId) ?? resident[0])?.memberId;
}
