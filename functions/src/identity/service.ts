/** Identity use cases: login, membership, dependents (代办) and member records. */
import { ulid } from 'ulidx';
import type { Application, DependentLink, Me, MemberCard, Session } from '@linli/shared/contract/identity';
import type { Principal, RoleGrant } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/errors';
import { isOverdue } from '@linli/shared/domain/identity/decisions';
import {
  ageOn,
  householdKey,
  isPlausibleBirthDate,
  maskPhone,
  todayInShanghai,
} from '@linli/shared/domain/identity/person';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, signRefreshToken, verifyRefreshToken } from '../platform/auth';
import { withCurrentNames } from '../community';
import { actingVia, ownMemberId } from './acting';
import { completionPut } from '../platform/idempotency';
import { linkPersonToMember, lookUpApplicant, type RosterLookup } from '../roster';
import * as repo from './repository';
import type { ApplicationRecord, LinkRecord, MemberRecord, RelationName, UserRecord } from './records';
import type { SessionExchanger } from './wechat-session';

const now = () => new Date().toISOString();

// ── views ────────────────────────────────────────────────────────────────────

export function memberCard(m: MemberRecord, today = todayInShanghai()): MemberCard {
  return {
    memberId: m.memberId,
    realName: m.realName,
    communityId: m.communityId,
    communityName: m.communityName,
    buildingId: m.buildingId,
    buildingName: m.buildingName,
    unitId: m.unitId,
    unitName: m.unitName,
    room: m.room,
    age: ageOn(m.birthDate, today),
    phoneMasked: m.phone ? maskPhone(m.phone) : undefined,
    hasWeChat: m.userId !== undefined,
    status: m.status,
  };
}

function applicationView(a: ApplicationRecord, withOverdue = false, roster?: RosterLookup): Application {
  const { userId: _u, birthDate, phone, decidedBy: _d, ...rest } = a;
  return {
    ...rest,
    age: ageOn(birthDate, todayInShanghai()),
    phoneMasked: maskPhone(phone),
    ...(withOverdue ? { overdue: a.status === 'pending' && isOverdue(a.createdAt) } : {}),
    ...(roster
      ? {
          rosterCandidates: roster.candidates.map((p) => ({
            personId: p.personId,
            name: p.name,
            buildingName: p.buildingName,
            unitName: p.unitName,
            room: p.room,
            birthDate: p.birthDate,
            phoneMasked: p.phone ? maskPhone(p.phone) : undefined,
            tags: p.tags,
          })),
        }
      : {}),
  };
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

function linkView(l: LinkRecord, dependent: MemberRecord): DependentLink {
  return {
    linkId: l.linkId,
    communityId: l.communityId,
    caregiverUserId: l.caregiverUserId,
    caregiverName: l.caregiverName,
    relation: l.relation,
    dependent: memberCard(dependent),
    status: l.status,
    reason: l.reason,
    createdAt: l.createdAt,
    decidedAt: l.decidedAt,
  };
}

async function linkViews(links: LinkRecord[]): Promise<DependentLink[]> {
  const found = await withCurrentNames(await repo.getMembers(links.map((l) => l.dependentMemberId)));
  const members = new Map(found.map((m) => [m.memberId, m]));
  return links.flatMap((l) => {
    const m = members.get(l.dependentMemberId);
    return m ? [linkView(l, m)] : [];
  });
}

function principalOf(user: UserRecord): Principal {
  return { userId: user.userId, name: user.name, grants: user.grants };
}

async function issueSession(user: UserRecord): Promise<Session> {
  return {
    accessToken: await signAccessToken(principalOf(user)),
    refreshToken: await signRefreshToken(user.userId, user.tokenVersion),
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    userId: user.userId,
  };
}

// ── login ────────────────────────────────────────────────────────────────────

/** A wx.login code → the user (created on first login) → tokens. */
export async function loginWithWechat(exchanger: SessionExchanger, code: string): Promise<Session> {
  const { openid } = await exchanger.exchange(code);
  let userId = await repo.findUserIdByOpenid(openid);
  if (!userId) {
    userId = await repo.createUserForOpenid(openid, {
      userId: ulid(),
      openid,
      name: '微信用户',
      grants: [],
      tokenVersion: 1,
      createdAt: now(),
    });
  }
  const user = await repo.getUser(userId);
  if (!user) throw new DomainError('TOKEN_INVALID');
  return issueSession(user);
}

/** A refresh token → fresh tokens carrying the user's current roles. */
export async function refreshSession(refreshToken: string): Promise<Session> {
  const { userId, tokenVersion } = await verifyRefreshToken(refreshToken);
  const user = await repo.getUser(userId);
  if (!user || user.tokenVersion !== tokenVersion) throw new DomainError('REFRESH_TOKEN_INVALID');
  return issueSession(user);
}

/** Signs the user out everywhere: their refresh tokens stop working; access tokens expire soon after. */
export async function logout(principal: Principal): Promise<void> {
  if (!(await repo.bumpTokenVersion(principal.userId))) throw new DomainError('TOKEN_INVALID');
}

export async function devLogins() {
  const users = await repo.listDevLogins();
  return { users: users.map((u) => ({ code: u.devCode, name: u.name, roleLabel: u.roleLabel })) };
}

// ── me ───────────────────────────────────────────────────────────────────────

export async function getMe(principal: Principal): Promise<Me> {
  const user = await repo.getUser(principal.userId);
  if (!user) throw new DomainError('TOKEN_INVALID');
  const [member, applications, links] = await Promise.all([
    user.memberId ? repo.getMember(user.memberId) : Promise.resolve(undefined),
    repo.listUserApplications(user.userId, 1),
    repo.listUserLinks(user.userId),
  ]);
  const [current] = member ? await withCurrentNames([member]) : [];
  const [latest] = applications[0] ? await withCurrentNames([applications[0]]) : [];
  return {
    userId: user.userId,
    name: user.name,
    grants: user.grants,
    member: current ? memberCard(current) : null,
    latestApplication: latest ? applicationView(latest) : null,
    dependents: await linkViews(links.filter((l) => l.status !== 'rejected')),
  };
}

// ── membership ───────────────────────────────────────────────────────────────

export interface MembershipInput {
  communityId: string;
  buildingId: string;
  unitId: string;
  room: string;
  realName: string;
  birthDate: string;
  phone: string;
}

function requirePlausibleBirthDate(birthDate: string): void {
  if (!isPlausibleBirthDate(birthDate, todayInShanghai())) {
    throw new DomainError('BIRTH_DATE_INVALID', [{ path: 'body.birthDate', message: '出生日期不正确' }]);
  }
}

/**
 * Files a membership application. When the roster (居民台账) knows the applicant — same
 * household, same name, and the phone's last 4 digits when the roster has a phone — the
 * application is approved at once: application, member, grant, roster link, message and the
 * request's idempotency completion in one transaction. Otherwise it waits for staff as before.
 */
export async function applyForMembership(principal: Principal, input: MembershipInput): Promise<Application> {
  requirePlausibleBirthDate(input.birthDate);
  const address = await repo.resolveAddress(input, { forNewMember: true });
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

type DecisionInput = { decision: 'approve' } | { decision: 'reject'; reason: string };

export async function decideApplication(
  staff: Principal,
  communityId: string,
  applicationId: string,
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

// ── members registered by staff ──────────────────────────────────────────────

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
    createdAt: now(),
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
async function ownMember(principal: Principal): Promise<MemberRecord> {
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

// ── dependents (代办) ─────────────────────────────────────────────────────────

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
    const found = await repo.getMember(input.memberId);
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
  communityId: string,
  linkId: string,
  decision: DecisionInput,
): Promise<DependentLink> {
  const link = await repo.getLink(linkId);
  if (!link || link.communityId !== communityId) throw new DomainError('LINK_NOT_FOUND');
  if (link.status !== 'pending') throw new DomainError('ALREADY_DECIDED');
  const dependent = await repo.getMember(link.dependentMemberId);
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
