/** Membership applications: filing one (approved at once when the roster knows the applicant), the staff queue, decisions. */
import { ulid } from 'ulidx';
import type { Application } from '@linli/shared/contract/identity';
import type { Principal, RoleGrant } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { householdKey } from '@linli/shared/domain/identity/person';
import { withCurrentNames } from '../community';
import { completionPut } from '../platform/idempotency';
import { linkPersonToMember, lookUpApplicant } from '../roster';
import * as repo from './applications-repository';
import { resolveAddress } from './members-repository';
import { requirePlausibleBirthDate } from './members';
import type { ApplicationRecord, MemberRecord } from './records';
import { applicationView } from './views';

const now = () => new Date().toISOString();

export interface MembershipInput {
  communityId: string;
  buildingId: string;
  unitId: string;
  room: string;
  realName: string;
  birthDate: string;
  phone: string;
}

/**
 * Files a membership application. When the roster (居民台账) knows the applicant — same
 * household, same name, and the phone's last 4 digits when the roster has a phone — the
 * application is approved at once: application, member, grant, roster link, message and the
 * request's idempotency completion in one transaction. Otherwise it waits for staff as before.
 */
export async function applyForMembership(principal: Principal, input: MembershipInput): Promise<Application> {
  requirePlausibleBirthDate(input.birthDate);
  const address = await resolveAddress(input, { forNewMember: true });
  const application: ApplicationRecord = {
    applicationId: ulid(),
    userId: principal.userId,
    ...address,
    realName: input.realName,
    birthDate: input.birthDate,
    phone: input.phone,
    status: 'pending',
    createdAt: now(),
  };
  const { match } = await lookUpApplicant({ ...address, realName: input.realName, phone: input.phone });
  if (match) {
    const approved: ApplicationRecord = {
      ...application,
      status: 'approved',
      decidedAt: application.createdAt,
      decidedBy: 'roster',
      rosterMatch: {
        personId: match.personId,
        name: match.name,
        matchedOn: match.phone ? ['name', 'room', 'phone4'] : ['name', 'room'],
      },
    };
    const member = memberFrom(approved, 'roster', application.createdAt, match.tags);
    const reply = applicationView(approved);
    const event = {
      type: 'identity.application_decided' as const,
      communityId: approved.communityId,
      userId: approved.userId,
      approved: true,
    };
    const filed = await repo.createApprovedApplication(
      approved,
      member,
      residentGrant(member),
      event,
      linkPersonToMember(match, member.memberId),
      completionPut(reply),
    );
    if (filed) return reply;
    // The roster row went away in between: the application waits for staff like any other.
  }
  const reply = applicationView(application);
  await repo.createApplication(application, completionPut(reply));
  return reply;
}

export async function listApplications(communityId: string, status = 'pending'): Promise<{ items: Application[] }> {
  const items = await withCurrentNames(await repo.listCommunityApplications(communityId, status));
  // Pending ones show their household's roster rows (one Query each; the queue is short).
  const rosters = await Promise.all(
    items.map((a) => (a.status === 'pending' ? lookUpApplicant(a) : Promise.resolve(undefined))),
  );
  return { items: items.map((a, i) => applicationView(a, true, rosters[i])) };
}

export type DecisionInput = { decision: 'approve' } | { decision: 'reject'; reason: string };

export async function decideApplication(
  staff: Principal,
  { communityId, applicationId }: { communityId: string; applicationId: string },
  decision: DecisionInput,
): Promise<Application> {
  const application = await repo.getApplication(applicationId);
  if (!application || application.communityId !== communityId) throw new DomainError('APPLICATION_NOT_FOUND');
  if (application.status !== 'pending') throw new DomainError('ALREADY_DECIDED');
  const at = now();
  if (decision.decision === 'reject') {
    const reply = applicationView({ ...application, status: 'rejected', reason: decision.reason, decidedAt: at });
    const decided = {
      type: 'identity.application_decided' as const,
      communityId,
      userId: application.userId,
      approved: false,
      reason: decision.reason,
    };
    await repo.rejectApplication(application, decision.reason, staff.userId, at, decided, completionPut(reply));
    return reply;
  }
  // A person the roster knows carries its care tags over and is linked to the new member.
  const { match } = await lookUpApplicant(application);
  const member = memberFrom(application, staff.userId, at, match?.tags);
  const grant = residentGrant(member);
  const reply = applicationView({ ...application, status: 'approved', decidedAt: at });
  const approved = {
    type: 'identity.application_decided' as const,
    communityId,
    userId: application.userId,
    approved: true,
  };
  await repo.approveApplication(
    application,
    member,
    grant,
    staff.userId,
    at,
    approved,
    completionPut(reply),
    match ? [linkPersonToMember(match, member.memberId)] : [],
  );
  return reply;
}

/** The member an approved application creates; care tags come from the roster when it knows the person. */
function memberFrom(a: ApplicationRecord, registeredBy: string, at: string, tags?: string[]): MemberRecord {
  return {
    memberId: ulid(),
    communityId: a.communityId,
    communityName: a.communityName,
    buildingId: a.buildingId,
    buildingName: a.buildingName,
    unitId: a.unitId,
    unitName: a.unitName,
    room: a.room,
    householdKey: householdKey(a),
    realName: a.realName,
    birthDate: a.birthDate,
    phone: a.phone,
    userId: a.userId,
    status: 'verified',
    ...(tags && tags.length > 0 ? { tags } : {}),
    registeredBy,
    createdAt: at,
  };
}

const residentGrant = (m: MemberRecord): RoleGrant => ({
  role: 'resident',
  communityId: m.communityId,
  buildingId: m.buildingId,
  memberId: m.memberId,
});
