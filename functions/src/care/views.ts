/** How a wish reads to each viewer: the wisher's side and staff see the name, everyone else 「6号楼 刘**」. */
import type { Wish, WishTimelineEntry } from '@linli/shared/contract/care';
import { WALL_STATES, wallName } from '@linli/shared/domain/care/wish';
import { viewPhotos, type PhotoRef } from '../photos';
import type { WishRecord, WishTimelineRecord } from './records';
import { stepView } from './timeline-view';

/** Who reads a wish: the wisher's side or staff (`full`), and whether they took the delivery photo. */
export interface WishViewer {
  full: boolean;
  deliveredIt?: boolean;
}

const photoRef = (key?: string, url?: string): PhotoRef | undefined => (key || url ? { key, url } : undefined);

/**
 * Wishes as their viewers may see them, photos included: the wish's photo reaches the wall only
 * approved and passed by WeChat; the wisher's side and staff see it while it is checked and hear
 * of a refusal; the delivery photo likewise, with its claimer among its owners.
 */
export async function wishViews(ws: WishRecord[], viewerOf: (w: WishRecord) => WishViewer): Promise<Wish[]> {
  const viewers = ws.map(viewerOf);
  const isPublic = (w: WishRecord) => WALL_STATES.includes(w.status);
  const photos = await viewPhotos(
    ws.flatMap((w, i) => [
      { ref: photoRef(w.photoKey, w.photoUrl), viewer: { owner: viewers[i]!.full, isPublic: isPublic(w) } },
      {
        ref: photoRef(w.deliveryPhotoKey, w.deliveryPhotoUrl),
        viewer: { owner: viewers[i]!.full || Boolean(viewers[i]!.deliveredIt), isPublic: isPublic(w) },
      },
    ]),
  );
  return ws.map((w, i) => ({
    ...wishView(w, viewers[i]!.full),
    photo: photos[2 * i],
    deliveryPhoto: photos[2 * i + 1],
  }));
}

/** One wish for one viewer (see wishViews). */
export async function oneWishView(w: WishRecord, viewer: WishViewer): Promise<Wish> {
  return (await wishViews([w], () => viewer))[0]!;
}

/** A wish without its photos (they need the checks: use wishViews). */
function wishView(w: WishRecord, full: boolean): Wish {
  return {
    wishId: w.wishId,
    communityId: w.communityId,
    text: w.text,
    category: w.category,
    handover: w.handover,
    status: w.status,
    wisherName: full ? w.memberName : wallName(w.memberName, w.buildingName, w.showBuilding),
    priority: w.priority,
    recordedVia: w.via === 'self' ? undefined : w.via,
    offeredTo: w.offeredTo.kind === 'all' ? { kind: 'all' } : { kind: 'partner', partnerName: w.offeredTo.partnerName },
    claimer: w.claimer ? { kind: w.claimer.kind, name: w.claimer.name } : undefined,
    claimedAt: w.claimedAt,
    deliveryNote: w.deliveryNote,
    createdAt: w.createdAt,
    statusAt: w.statusAt,
    fulfilledAt: w.fulfilledAt,
  };
}

/** A timeline entry; a resident's or caregiver's name is masked for anyone outside the wisher's side. */
export function timelineView(e: WishTimelineRecord, full: boolean): WishTimelineEntry {
  const entry = stepView(e, full);
  // Why a claim was declined stays with the wisher's side and staff.
  return e.to === 'declined' && !full ? { ...entry, note: undefined } : entry;
}
