/** How a wish reads to each viewer: the wisher's side and staff see the name, everyone else 「6号楼 刘**」. */
import type { Wish, WishTimelineEntry } from '@linli/shared/contract/care';
import { surnameOnly, wallName } from '@linli/shared/domain/care/wish';
import type { WishRecord, WishTimelineRecord } from './records';

export function wishView(w: WishRecord, full: boolean): Wish {
  return {
    wishId: w.wishId,
    communityId: w.communityId,
    text: w.text,
    category: w.category,
    handover: w.handover,
    status: w.status,
    wisherName: full ? w.memberName : wallName(w.memberName, w.buildingName, w.showBuilding),
    priority: w.priority,
    photoUrl: w.photoUrl,
    recordedVia: w.via === 'self' ? undefined : w.via,
    offeredTo: w.offeredTo.kind === 'all' ? { kind: 'all' } : { kind: 'partner', partnerName: w.offeredTo.partnerName },
    claimer: w.claimer ? { kind: w.claimer.kind, name: w.claimer.name } : undefined,
    claimedAt: w.claimedAt,
    deliveryNote: w.deliveryNote,
    deliveryPhotoUrl: w.deliveryPhotoUrl,
    createdAt: w.createdAt,
    statusAt: w.statusAt,
    fulfilledAt: w.fulfilledAt,
  };
}

/** A timeline entry; a resident's or caregiver's name is masked for anyone outside the wisher's side. */
export function timelineView(e: WishTimelineRecord, full: boolean): WishTimelineEntry {
  const privateName = e.byRole === 'resident' || e.byRole === 'caregiver';
  return {
    seq: e.seq,
    at: e.at,
    byName: full || !privateName ? e.byName : surnameOnly(e.byName),
    byRole: e.byRole,
    from: e.from,
    to: e.to,
    note: e.to === 'declined' && !full ? undefined : e.note,
  };
}
