/** Item builders of the onboarding entities: keys and index attributes, no I/O. */
import { appointmentScope } from '@linli/shared/domain/onboarding/invites';
import { index, key } from '../table';
import type { AuditRecord, CommunityMetaRecord, HolderRecord, InviteRecord, StreetRecord } from './records';

type Item = Record<string, unknown>;

export function streetItem(s: StreetRecord): Item {
  return { ...key.street(s.id), type: 'Street', ...s, gsi1pk: index.streets(), gsi1sk: `${s.name}#${s.id}` };
}

/** A street's name is unique within its district: this item's existence refuses a second one. */
export function streetNameLock(s: Pick<StreetRecord, 'id' | 'name' | 'city' | 'district'>): Item {
  return { pk: `STREETNAME#${s.city}#${s.district}#${s.name}`, sk: 'LOCK', type: 'StreetNameLock', streetId: s.id };
}

/** A community's META item: listed under its street and among every community (AP30). */
export function communityMetaItem(c: CommunityMetaRecord): Item {
  return {
    ...key.community(c.id),
    type: 'Community',
    ...c,
    ...(c.streetId ? { gsi1pk: index.streetCommunities(c.streetId), gsi1sk: `${c.name}#${c.id}` } : {}),
    gsi2pk: index.communities(),
    gsi2sk: c.id,
  };
}

export function inviteItem(i: InviteRecord): Item {
  return {
    ...key.invite(i.code),
    type: 'Invite',
    ...i,
    gsi1pk: index.scopeInvites(appointmentScope(i)),
    gsi1sk: `${i.createdAt}#${i.code}`,
  };
}

export function holderItem(h: HolderRecord): Item {
  return { ...key.roleHolder(appointmentScope(h), h.role, h.communityId, h.userId), type: 'RoleHolder', ...h };
}

export function auditItem(scope: string, a: AuditRecord): Item {
  return { ...key.roleAudit(scope, a.at, a.id), type: 'RoleAudit', ...a };
}
