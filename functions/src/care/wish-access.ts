/** Who a wish request is about and who may claim it: the lookups every wish use case shares. */
import type { Principal } from '@linli/shared/contract/principal';
import type { Claimer } from '@linli/shared/domain/care/wish';
import { DomainError } from '@linli/shared/domain-error';
import type { Caller } from '../identity';
import type { NotifyEvent } from '../notify';
import type { CareEvent } from './events';
import type { WishRecord } from './records';
import * as repo from './repository';

export type OutboxEvent = CareEvent | NotifyEvent;

/** A wish of a community, as the path names it. */
export interface WishRef {
  communityId: string;
  wishId: string;
}

/** Who the caller claims as in this community: their partner unit, else as a volunteer, else as a neighbour. */
export async function claimerOf(principal: Principal, communityId: string): Promise<Claimer | undefined> {
  const inCommunity = (role: string) => principal.grants.find((g) => g.role === role && g.communityId === communityId);
  const partner = inCommunity('partner');
  if (partner?.partnerId) {
    const unit = await repo.getPartner(communityId, partner.partnerId);
    if (!unit) throw new DomainError('PARTNER_NOT_FOUND');
    return { kind: 'partner', id: unit.partnerId, userId: principal.userId, name: unit.name };
  }
  if (inCommunity('volunteer'))
    return { kind: 'volunteer', id: principal.userId, userId: principal.userId, name: principal.name };
  if (inCommunity('resident'))
    return { kind: 'resident', id: principal.userId, userId: principal.userId, name: principal.name };
  return undefined;
}

export async function wishOf({ communityId, wishId }: WishRef, consistent = false): Promise<WishRecord> {
  const w = await repo.getWish(wishId, consistent);
  if (!w || w.communityId !== communityId) throw new DomainError('WISH_NOT_FOUND');
  return w;
}

export const domainWish = (w: WishRecord) => ({
  communityId: w.communityId,
  memberId: w.memberId,
  status: w.status,
  offeredTo:
    w.offeredTo.kind === 'all'
      ? ({ kind: 'all' } as const)
      : { kind: 'partner' as const, partnerId: w.offeredTo.partnerId },
  claimer: w.claimer,
});

export const shanghaiYear = (iso: string) => String(new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear());

// ── posting ──────────────────────────────────────────────────────────────────

/** The wisher's side (when the caller is them or acts for them) or undefined. */
export async function wisherSideOf({ principal, onBehalfOf }: Caller, w: WishRecord) {
  if (onBehalfOf) return onBehalfOf.memberId === w.memberId ? onBehalfOf : undefined;
  const own = principal.grants.find((g) => g.role === 'resident' && g.memberId === w.memberId);
  return own ? { memberId: w.memberId } : undefined;
}

export const photoRefOfUrl = (url: string | undefined) => (url ? { url } : undefined);

/** Whether `claimer` holds the wish (and so took its delivery photo). */
export const heldBy = (claimer: Pick<Claimer, 'kind' | 'id'> | undefined) => (w: WishRecord) =>
  Boolean(claimer && w.claimer && claimer.kind === w.claimer.kind && claimer.id === w.claimer.id);
