/** 微心愿 use cases: post, read (wall, mine, detail, claims), and every step of the state machine. */
import { ulid } from 'ulidx';
import type { Wish, WishDetail } from '@linli/shared/contract/care';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { hasPriority } from '@linli/shared/domain/care/tags';
import {
  WALL_STATES,
  applyWishAction,
  offeredToClaimer,
  type Claimer,
  type WishAction,
  type WishActor,
  type WishCategory,
  type WishHandover,
} from '@linli/shared/domain/care/wish';
import { DomainError } from '@linli/shared/errors';
import { resolveActingSubject, type ActingSubject } from '../identity';
import { screenStaffText, screenText } from '../moderation';
import type { NotifyEvent } from '../notify';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import type { CareEvent } from './events';
import { messagesFor } from './messages';
import type { WishRecord, WishTimelineRecord } from './records';
import * as repo from './repository';
import { checkPhotos, preparePhoto, type PreparedPhoto } from '../photos';
import { oneWishView, timelineView, wishViews, type WishViewer } from './views';

type OutboxEvent = CareEvent | NotifyEvent;

/** The member a resident request is about: the acted-for member, or the caller's own record. */
async function subjectOf(principal: Principal, onBehalfOf: ActingSubject | undefined): Promise<ActingSubject> {
  if (onBehalfOf) return onBehalfOf;
  const memberId = principal.grants.find((g) => g.role === 'resident' && g.memberId)?.memberId;
  if (!memberId) throw new DomainError('NOT_A_MEMBER');
  return resolveActingSubject(principal, memberId);
}

/** Who the caller claims as in this community: their partner unit, else as a volunteer, else as a neighbour. */
async function claimerOf(principal: Principal, communityId: string): Promise<Claimer | undefined> {
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

async function wishOf(communityId: string, wishId: string, consistent = false): Promise<WishRecord> {
  const w = await repo.getWish(wishId, consistent);
  if (!w || w.communityId !== communityId) throw new DomainError('WISH_NOT_FOUND');
  return w;
}

const domainWish = (w: WishRecord) => ({
  communityId: w.communityId,
  memberId: w.memberId,
  status: w.status,
  offeredTo:
    w.offeredTo.kind === 'all'
      ? ({ kind: 'all' } as const)
      : { kind: 'partner' as const, partnerId: w.offeredTo.partnerId },
  claimer: w.claimer,
});

const shanghaiYear = (iso: string) => String(new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear());

// ── posting ──────────────────────────────────────────────────────────────────

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
export async function postWish(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  input: PostWishInput,
): Promise<Wish> {
  const subject = await subjectOf(principal, onBehalfOf);
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
  const byName = subject.via === 'self' ? subject.realName : principal.name;
  const note =
    subject.via === 'staff'
      ? `由工作人员${principal.name}代为登记`
      : subject.via === 'caregiver'
        ? `家属${principal.name}代为许愿`
        : undefined;
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
    byRole: subject.via === 'self' ? 'resident' : subject.via,
    from: null,
    to: 'pending_review',
    note,
  };
  const reply = await oneWishView(w, { full: true });
  await repo.createWish(w, first, [], completionPut(reply), photo?.write);
  await checkPhotos(principal.userId, [photo ? { key: photo.key } : undefined, photoRefOfUrl(input.photoUrl)]);
  return reply;
}

const photoRefOfUrl = (url: string | undefined) => (url ? { url } : undefined);

/** Whether `claimer` holds the wish (and so took its delivery photo). */
const heldBy = (claimer: Pick<Claimer, 'kind' | 'id'> | undefined) => (w: WishRecord) =>
  Boolean(claimer && w.claimer && claimer.kind === w.claimer.kind && claimer.id === w.claimer.id);

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

export async function listMine(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
): Promise<{ wishes: Wish[] }> {
  const subject = await subjectOf(principal, onBehalfOf);
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

/** The wisher's side (when the caller is them or acts for them) or undefined. */
async function wisherSideOf(principal: Principal, onBehalfOf: ActingSubject | undefined, w: WishRecord) {
  if (onBehalfOf) return onBehalfOf.memberId === w.memberId ? onBehalfOf : undefined;
  const own = principal.grants.find((g) => g.role === 'resident' && g.memberId === w.memberId);
  return own ? { memberId: w.memberId } : undefined;
}

export async function detail(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  wishId: string,
): Promise<WishDetail> {
  const w = await wishOf(communityId, wishId, true);
  const staff = !onBehalfOf && isStaffOf(principal, communityId);
  const wisher = await wisherSideOf(principal, onBehalfOf, w);
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

// ── steps ────────────────────────────────────────────────────────────────────

interface Step {
  actor: WishActor;
  byName: string;
  byRole: WishTimelineRecord['byRole'];
  action: WishAction;
  note?: string;
  /** Fields the step sets besides status and claimer. */
  fields?: (seen: WishRecord, at: string) => Promise<Partial<WishRecord>> | Partial<WishRecord>;
  /** A photo attached by the step, marked attached in its transaction and checked after it. */
  photo?: PreparedPhoto;
}

/**
 * One step: the pure rules decide (403/409/422); the repository writes the wish under a
 * condition on the status and version read, with its timeline entry, messages, the claimer's
 * yearly figure and (for a volunteer's confirmed wish) the points event; a lost race reads
 * again and decides again, so the loser of a claim race hears 409 WISH_ALREADY_CLAIMED.
 */
async function step(communityId: string, wishId: string, s: Step): Promise<Wish> {
  return withOptimisticRetry(async () => {
    const seen = await wishOf(communityId, wishId, true);
    const outcome = applyWishAction(domainWish(seen), s.actor, s.action);
    if (!outcome.ok) throw new DomainError(outcome.code);
    const at = new Date().toISOString();
    const next: WishRecord = {
      ...seen,
      ...(s.fields ? await s.fields(seen, at) : {}),
      status: outcome.wish.status,
      claimer: outcome.wish.claimer,
      version: seen.version + 1,
      statusAt: at,
    };
    if (s.action.kind === 'claim') next.claimedAt = at;
    if (s.action.kind === 'release') {
      delete next.claimedAt;
      delete next.claimer;
    }
    if (s.action.kind === 'confirm') next.fulfilledAt = at;
    const entry: WishTimelineRecord = {
      wishId,
      seq: seen.version,
      at,
      byId: s.actor.userId,
      byName: s.byName,
      byRole: s.byRole,
      from: seen.status,
      to: next.status,
      note: s.note,
    };
    const events: OutboxEvent[] = messagesFor(next, s.note);
    const held = next.claimer ?? seen.claimer;
    if (s.action.kind === 'confirm' && held?.kind === 'volunteer') {
      const { pointsPerWish } = await repo.getSettings(communityId);
      if (pointsPerWish > 0) {
        events.push({
          type: 'care.wish_fulfilled',
          communityId,
          wishId,
          volunteerUserId: held.userId,
          points: pointsPerWish,
          confirmedAt: at,
        });
      }
    }
    const stat =
      held && (s.action.kind === 'claim' || s.action.kind === 'confirm')
        ? {
            communityId,
            year: shanghaiYear(at),
            kind: held.kind,
            claimerId: held.id,
            name: held.name,
            field: s.action.kind === 'claim' ? ('claimed' as const) : ('fulfilled' as const),
          }
        : undefined;
    const viewer: WishViewer = {
      full: s.actor.staffOf === communityId || s.actor.wisherOf === seen.memberId,
      deliveredIt: heldBy(s.actor.claimer)(next),
    };
    const reply = await oneWishView(next, viewer);
    const result = await repo.transition(seen, next, entry, events, stat, completionPut(reply), s.photo?.write);
    if (result === 'changed') return retry;
    if (s.photo) await checkPhotos(s.actor.userId, [{ key: s.photo.key }]);
    return reply;
  }, 60);
}

const staffStep = (principal: Principal, communityId: string) => ({
  actor: { userId: principal.userId, staffOf: isStaffOf(principal, communityId) ? communityId : undefined },
  byName: principal.name,
  byRole: 'staff' as const,
});

/** Approves a wish, optionally rewording it (the original is kept for staff) and offering it to one partner unit. */
export async function approve(
  principal: Principal,
  communityId: string,
  wishId: string,
  input: { text?: string; partnerId?: string; note?: string },
) {
  const partner = input.partnerId ? await repo.getPartner(communityId, input.partnerId) : undefined;
  if (input.partnerId && !partner) throw new DomainError('PARTNER_NOT_FOUND');
  await screenStaffText(principal.userId, 'forum', [input.text, input.note]);
  const reworded = input.text ? '；为保护隐私调整了措辞' : '';
  return step(communityId, wishId, {
    ...staffStep(principal, communityId),
    action: { kind: 'approve', offeredTo: partner ? { kind: 'partner', partnerId: partner.partnerId } : undefined },
    note: `${partner ? `定向交由${partner.name}认领` : '审核通过'}${reworded}${input.note ? `；${input.note}` : ''}`,
    fields: (seen) => ({
      ...(input.text && input.text !== seen.text
        ? { text: input.text, originalText: seen.originalText ?? seen.text }
        : {}),
      ...(partner ? { offeredTo: { kind: 'partner', partnerId: partner.partnerId, partnerName: partner.name } } : {}),
    }),
  });
}

export const decline = (principal: Principal, communityId: string, wishId: string, reason: string) =>
  step(communityId, wishId, { ...staffStep(principal, communityId), action: { kind: 'decline' }, note: reason });

async function claimerStep(principal: Principal, communityId: string) {
  const claimer = await claimerOf(principal, communityId);
  if (!claimer) throw new DomainError('NOT_A_CLAIMER');
  const own = principal.grants.find((g) => g.role === 'resident' && g.communityId === communityId)?.memberId;
  return {
    actor: { userId: principal.userId, claimer, wisherOf: own } satisfies WishActor,
    byName: claimer.kind === 'partner' ? `${claimer.name}（${principal.name}）` : principal.name,
    byRole: claimer.kind,
  };
}

export async function claim(principal: Principal, communityId: string, wishId: string) {
  const who = await claimerStep(principal, communityId);
  // A caregiver may not claim the wish of an elder they care for.
  const w = await wishOf(communityId, wishId);
  const side = await wisherSideOf(principal, undefined, w).catch(() => undefined);
  const caring = !side && (await resolveActingSubject(principal, w.memberId).catch(() => undefined));
  const actor = { ...who.actor, wisherOf: side?.memberId ?? (caring ? w.memberId : who.actor.wisherOf) };
  return step(communityId, wishId, { ...who, actor, action: { kind: 'claim' } });
}

export async function release(principal: Principal, communityId: string, wishId: string, reason?: string) {
  const who = await claimerStep(principal, communityId);
  return step(communityId, wishId, {
    ...who,
    action: { kind: 'release' },
    note: `放弃认领${reason ? `：${reason}` : ''}`,
  });
}

export async function deliver(
  principal: Principal,
  communityId: string,
  wishId: string,
  input: { note: string; photoUrl?: string; photoId?: string },
) {
  const who = await claimerStep(principal, communityId);
  const photo = input.photoId
    ? await preparePhoto({
        photoId: input.photoId,
        userId: principal.userId,
        communityId,
        purpose: 'wishDelivery',
        target: `wishDelivery#${wishId}`,
      })
    : undefined;
  const delivered = await step(communityId, wishId, {
    ...who,
    action: { kind: 'deliver' },
    note: input.note,
    photo,
    fields: () => ({ deliveryNote: input.note, deliveryPhotoUrl: input.photoUrl, deliveryPhotoKey: photo?.key }),
  });
  if (input.photoUrl) await checkPhotos(principal.userId, [photoRefOfUrl(input.photoUrl)]);
  return delivered;
}

/** The wisher's side (self, caregiver, or staff acting for them) or staff as themselves. */
async function wisherStep(principal: Principal, onBehalfOf: ActingSubject | undefined, communityId: string) {
  const staff = !onBehalfOf && isStaffOf(principal, communityId);
  const subject = staff ? undefined : await subjectOf(principal, onBehalfOf);
  if (subject && subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  return {
    actor: {
      userId: principal.userId,
      staffOf: staff || subject?.via === 'staff' ? communityId : undefined,
      wisherOf: subject?.memberId,
    } satisfies WishActor,
    byName: subject?.via === 'self' ? subject.realName : principal.name,
    byRole: (staff ? 'staff' : subject!.via === 'self' ? 'resident' : subject!.via) as WishTimelineRecord['byRole'],
  };
}

export async function confirm(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  wishId: string,
) {
  const who = await wisherStep(principal, onBehalfOf, communityId);
  return step(communityId, wishId, { ...who, action: { kind: 'confirm' }, note: '确认已圆梦' });
}

export async function withdraw(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  wishId: string,
) {
  const who = await wisherStep(principal, onBehalfOf, communityId);
  return step(communityId, wishId, { ...who, action: { kind: 'withdraw' } });
}
