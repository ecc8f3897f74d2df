/** 微心愿 use cases: post and read (wall, mine, claims, detail); the steps are in wish-steps.ts. */
import { ulid } from 'ulidx';
import type { Wish, WishDetail } from '@linli/shared/contract/care';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { hasPriority } from '@linli/shared/domain/care/tags';
import {
  WALL_STATES,
  applyWishAction,
  offeredToClaimer,
  type WishAction,
  type WishActor,
  type WishCategory,
  type WishHandover,
} from '@linli/shared/domain/care/wish';
import { DomainError } from '@linli/shared/domain-error';
import { actedBy, enteredForNote, subjectOf, type Caller } from '../identity';
import { screenText } from '../moderation';
import { completionPut } from '../platform/idempotency';
import type { WishRecord, WishTimelineRecord } from './records';
import * as repo from './repository';
import { checkPhotos, preparePhoto } from '../photos';
import { oneWishView, timelineView, wishViews } from './views';
import { claimerOf, wishOf, domainWish, wisherSideOf, heldBy, photoRefOfUrl, type WishRef } from './wish-access';

export interface PostWishInput {
  text: string;
  category: WishCategory;
  handover: WishHandover;
  showBuilding: boolean;
  photoUrl?: string;
  /** An uploaded photo (purpose `wish`), the caller's own. */
  photoId?: string;
}

/** Posts a wish for the member (self, a dependent, or — staff — a resident without WeChat); staff review it first. */
export async function postWish(caller: Caller, communityId: string, input: PostWishInput): Promise<Wish> {
  const { principal } = caller;
  const subject = await subjectOf(caller);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  // The wall shows the text to neighbours: a risky one is refused before anything is written; one
  // WeChat holds for review goes to staff review like every new wish.
  await screenText({ authorUserId: principal.userId, scene: 'forum', content: input.text });
  const wishId = ulid();
  // The uploader is the caller (a caregiver or staff uploads for the elder), never the elder.
  const photo = input.photoId
    ? await preparePhoto({
        photoId: input.photoId,
        userId: principal.userId,
        communityId,
        purpose: 'wish',
        target: `wish#${wishId}`,
      })
    : undefined;
  const member = await repo.getMember(subject.memberId);
  const at = new Date().toISOString();
  const { byName, byRole } = actedBy(principal, subject);
  const note = enteredForNote(principal, subject, '代为许愿');
  const w: WishRecord = {
    wishId,
    communityId,
    text: input.text,
    category: input.category,
    handover: input.handover,
    showBuilding: input.showBuilding,
    photoUrl: input.photoUrl,
    photoKey: photo?.key,
    memberId: subject.memberId,
    memberName: subject.realName,
    memberUserId: member?.userId,
    buildingName: subject.buildingName,
    address: `${subject.buildingName}${subject.unitName}${subject.room}`,
    priority: hasPriority(member?.tags),
    recordedByUserId: principal.userId,
    recordedByName: byName,
    via: subject.via,
    offeredTo: { kind: 'all' },
    status: 'pending_review',
    version: 1,
    createdAt: at,
    statusAt: at,
  };
  const first: WishTimelineRecord = {
    wishId: w.wishId,
    seq: 0,
    at,
    byId: principal.userId,
    byName,
    byRole,
    from: null,
    to: 'pending_review',
    note,
  };
  const reply = await oneWishView(w, { full: true });
  await repo.createWish(w, first, [], completionPut(reply), photo?.write);
  await checkPhotos(principal.userId, [photo ? { key: photo.key } : undefined, photoRefOfUrl(input.photoUrl)]);
  return reply;
}

// ── reading ──────────────────────────────────────────────────────────────────

const byPriorityThenAge = (a: WishRecord, b: WishRecord) =>
  Number(b.priority) - Number(a.priority) || a.statusAt.localeCompare(b.statusAt);

/**
 * 心愿墙: open wishes (priority first), then those being fulfilled, then the latest fulfilled. A
 * partner sees only what is offered to it; `claimable` names what the caller may claim right now.
 */
export async function wall(
  principal: Principal,
  communityId: string,
): Promise<{ wishes: Wish[]; claimable: string[] }> {
  const claimer = isStaffOf(principal, communityId) ? undefined : await claimerOf(principal, communityId);
  const [open, claimed, delivered, fulfilled] = await Promise.all(
    WALL_STATES.map((s) => repo.listByStatus(communityId, s, s === 'fulfilled', s === 'fulfilled' ? 30 : undefined)),
  );
  const visible = (w: WishRecord) =>
    !claimer || w.status !== 'open' || offeredToClaimer(domainWish(w).offeredTo, claimer);
  const wishes = [...open!.sort(byPriorityThenAge), ...claimed!, ...delivered!, ...fulfilled!].filter(visible);
  const ownMemberId = principal.grants.find((g) => g.role === 'resident' && g.communityId === communityId)?.memberId;
  const actor: WishActor = { userId: principal.userId, wisherOf: ownMemberId, claimer };
  const claimable = claimer
    ? wishes.filter((w) => applyWishAction(domainWish(w), actor, { kind: 'claim' }).ok).map((w) => w.wishId)
    : [];
  const held = heldBy(claimer);
  return { wishes: await wishViews(wishes, (w) => ({ full: false, deliveredIt: held(w) })), claimable };
}

export async function listMine(caller: Caller): Promise<{ wishes: Wish[] }> {
  const subject = await subjectOf(caller);
  const wishes = await repo.getWishes(await repo.listMemberWishIds(subject.memberId));
  wishes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { wishes: await wishViews(wishes, () => ({ full: true })) };
}

export async function listMyClaims(principal: Principal, communityId: string): Promise<{ wishes: Wish[] }> {
  const claimer = await claimerOf(principal, communityId);
  if (!claimer) throw new DomainError('NOT_A_CLAIMER');
  const wishes = await repo.listClaimerWishes(communityId, claimer.kind, claimer.id);
  return { wishes: await wishViews(wishes, () => ({ full: false, deliveredIt: true })) };
}

export async function detail(caller: Caller, ref: WishRef): Promise<WishDetail> {
  const { principal } = caller;
  const { communityId, wishId } = ref;
  const w = await wishOf(ref, true);
  const staff = !caller.onBehalfOf && isStaffOf(principal, communityId);
  const wisher = await wisherSideOf(caller, w);
  const claimer = await claimerOf(principal, communityId);
  const isClaimer = heldBy(claimer)(w);
  // Before review only the wisher's side and staff read a wish; a wish offered to one unit is that unit's.
  if (!staff && !wisher && !isClaimer) {
    if (!WALL_STATES.includes(w.status)) throw new DomainError('WISH_NOT_YOURS');
    if (w.status === 'open' && claimer && !offeredToClaimer(domainWish(w).offeredTo, claimer)) {
      throw new DomainError('WISH_NOT_OFFERED');
    }
  }
  const actor: WishActor = {
    userId: principal.userId,
    staffOf: staff ? communityId : undefined,
    wisherOf: wisher?.memberId,
    claimer,
  };
  const can = (action: WishAction) => applyWishAction(domainWish(w), actor, action).ok;
  const full = staff || Boolean(wisher);
  const timeline = await repo.listTimeline(wishId);
  return {
    wish: await oneWishView(w, { full, deliveredIt: isClaimer }),
    timeline: timeline.map((e) => timelineView(e, full)),
    mine: {
      isWisher: Boolean(wisher),
      isClaimer,
      canClaim: can({ kind: 'claim' }),
      canRelease: can({ kind: 'release' }),
      canDeliver: can({ kind: 'deliver' }),
      canConfirm: can({ kind: 'confirm' }),
      canWithdraw: can({ kind: 'withdraw' }),
    },
    handoverAddress:
      staff || (isClaimer && w.handover === '上门送达' && (w.status === 'claimed' || w.status === 'delivered'))
        ? w.address
        : undefined,
  };
}

export * from './wish-steps';
