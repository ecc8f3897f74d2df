/**
 * Keys, index values, type tags and item builders of the onboarding entities (streets,
 * communities, invites, role holders and their audit), declared once; no I/O (the seed uses
 * them too). The community's key lives in table.ts, since every feature reads it. Invites and
 * role holders take their scope (appointmentScope) from the caller: this file stays free of
 * imports the seed's loader cannot resolve.
 */
import { index as sharedIndex, key as sharedKey } from '../table';
import type { AuditRecord, CommunityMetaRecord, HolderRecord, InviteRecord, StreetRecord } from './records';

type Item = Record<string, unknown>;

export const onboardingTypes = ['Street', 'StreetNameLock', 'Community', 'Invite', 'RoleHolder', 'RoleAudit'] as const;
export type OnboardingType = (typeof onboardingTypes)[number];

export const onboardingKey = {
  community: sharedKey.community,
  street: (streetId: string) => ({ pk: `STREET#${streetId}`, sk: 'META' }),
  streetName: (s: Pick<StreetRecord, 'name' | 'city' | 'district'>) => ({
    pk: `STREETNAME#${s.city}#${s.district}#${s.name}`,
    sk: 'LOCK',
  }),
  invite: (code: string) => ({ pk: `INVITE#${code}`, sk: 'META' }),
  /**
   * A scope's role holders and appointment audit (AP95, AP96). Scope: PLATFORM_SCOPE or
   * streetScope(id) (shared/src/domain/onboarding/invites.ts).
   */
  scopePartition: (scope: string) => `ROLES#${scope}`,
  roleHolder: (scope: string, role: string, communityId: string | undefined, userId: string) => ({
    pk: onboardingKey.scopePartition(scope),
    sk: `${onboardingKey.roleHolderPrefix(role, communityId)}${userId}`,
  }),
  /** Sort-key prefix of a scope's holders, or of one role's holders in one community. */
  roleHolderPrefix: (role?: string, communityId?: string) =>
    role ? `HOLDER#${role}#${communityId ?? '-'}#` : 'HOLDER#',
  roleAudit: (scope: string, at: string, id: string) => ({
    pk: onboardingKey.scopePartition(scope),
    sk: `AUDIT#${at}#${id}`,
  }),
  roleAuditPrefix: 'AUDIT#',
} as const;

export const onboardingIndex = {
  communities: sharedIndex.communities,
  streets: () => 'STREETS',
  streetCommunities: (streetId: string) => `STREET#${streetId}#COMMUNITIES`,
  /** A street's communities sort by name. */
  communitySort: (name: string, communityId: string) => `${name}#${communityId}`,
  scopeInvites: (scope: string) => `ROLES#${scope}#INVITES`,
} as const;

export function streetItem(s: StreetRecord): Item {
  return {
    ...onboardingKey.street(s.id),
    type: 'Street',
    ...s,
    gsi1pk: onboardingIndex.streets(),
    gsi1sk: `${s.name}#${s.id}`,
  };
}

/** A street's name is unique within its district: this item's existence refuses a second one. */
export function streetNameLock(s: Pick<StreetRecord, 'id' | 'name' | 'city' | 'district'>): Item {
  return { ...onboardingKey.streetName(s), type: 'StreetNameLock', streetId: s.id };
}

/** A community's META item: listed under its street and among every community (AP30). */
export function communityMetaItem(c: CommunityMetaRecord): Item {
  return {
    ...onboardingKey.community(c.id),
    type: 'Community',
    ...c,
    ...(c.streetId
      ? { gsi1pk: onboardingIndex.streetCommunities(c.streetId), gsi1sk: onboardingIndex.communitySort(c.name, c.id) }
      : {}),
    gsi2pk: onboardingIndex.communities(),
    gsi2sk: c.id,
  };
}

export function inviteItem(scope: string, i: InviteRecord): Item {
  return {
    ...onboardingKey.invite(i.code),
    type: 'Invite',
    ...i,
    gsi1pk: onboardingIndex.scopeInvites(scope),
    gsi1sk: `${i.createdAt}#${i.code}`,
  };
}

export function holderItem(scope: string, h: HolderRecord): Item {
  return { ...onboardingKey.roleHolder(scope, h.role, h.communityId, h.userId), type: 'RoleHolder', ...h };
}

export function auditItem(scope: string, a: AuditRecord): Item {
  return { ...onboardingKey.roleAudit(scope, a.at, a.id), type: 'RoleAudit', ...a };
}
