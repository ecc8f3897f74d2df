/** How identity records are shown: member cards, applications and dependent links. */
import type { Application, DependentLink, MemberCard } from '@linli/shared/contract/identity';
import { isOverdue } from '@linli/shared/domain/identity/decisions';
import { ageOn, maskPhone, todayInShanghai } from '@linli/shared/domain/identity/person';
import { withCurrentNames } from '../community';
import type { RosterLookup } from '../roster';
import { getMembers } from './members-repository';
import type { ApplicationRecord, LinkRecord, MemberRecord } from './records';

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

export function applicationView(a: ApplicationRecord, withOverdue = false, roster?: RosterLookup): Application {
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

export function linkView(l: LinkRecord, dependent: MemberRecord): DependentLink {
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

export async function linkViews(links: LinkRecord[]): Promise<DependentLink[]> {
  const found = await withCurrentNames(await getMembers(links.map((l) => l.dependentMemberId)));
  const members = new Map(found.map((m) => [m.memberId, m]));
  return links.flatMap((l) => {
    const m = members.get(l.dependentMemberId);
    return m ? [linkView(l, m)] : [];
  });
}
