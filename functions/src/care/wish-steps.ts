/** Every step of a wish's state machine (审核, 认领, 给回, 送达, 确认, 撤回), each one transaction. */
import type { Wish } from '@linli/shared/contract/care';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { applyWishAction, type WishAction, type WishActor } from '@linli/shared/domain/care/wish';
import { DomainError } from '@linli/shared/domain-error';
import { actedBy, resolveActingSubject, subjectOf, type Caller } from '../identity';
import { screenStaffText } from '../moderation';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import { messagesFor } from './messages';
import type { WishRecord, WishTimelineRecord } from './records';
import * as repo from './repository';
import { checkPhotos, preparePhoto, type PreparedPhoto } from '../photos';
import { oneWishView, type WishViewer } from './views';
import {
  type OutboxEvent,
  type WishRef,
  claimerOf,
  wishOf,
  domainWish,
  shanghaiYear,
  wisherSideOf,
  heldBy,
  photoRefOfUrl,
} from './wish-access';
import { stepEntry } from './step-entry';

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
async function step(ref: WishRef, s: Step): Promise<Wish> {
  const { communityId, wishId } = ref;
  return withOptimisticRetry(async () => {
    const seen = await wishOf(ref, true);
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
      ...stepEntry(s, seen, next.status, at),
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
  ref: WishRef,
  input: { text?: string; partnerId?: string; note?: string },
) {
  const { communityId } = ref;
  const partner = input.partnerId ? await repo.getPartner(communityId, input.partnerId) : undefined;
  if (input.partnerId && !partner) throw new DomainError('PARTNER_NOT_FOUND');
  await screenStaffText(principal.userId, 'forum', [input.text, input.note]);
  const reworded = input.text ? '；为保护隐私调整了措辞' : '';
  return step(ref, {
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

export const decline = (principal: Principal, ref: WishRef, { reason }: { reason: string }) =>
  step(ref, { ...staffStep(principal, ref.communityId), action: { kind: 'decline' }, note: reason });

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

export async function claim(principal: Principal, ref: WishRef) {
  const who = await claimerStep(principal, ref.communityId);
  // A caregiver may not claim the wish of an elder they care for.
  const w = await wishOf(ref);
  const side = await wisherSideOf({ principal, onBehalfOf: undefined }, w).catch(() => undefined);
  const caring = !side && (await resolveActingSubject(principal, w.memberId).catch(() => undefined));
  const actor = { ...who.actor, wisherOf: side?.memberId ?? (caring ? w.memberId : who.actor.wisherOf) };
  return step(ref, { ...who, actor, action: { kind: 'claim' } });
}

export async function release(principal: Principal, ref: WishRef, { reason }: { reason?: string }) {
  const who = await claimerStep(principal, ref.communityId);
  return step(ref, {
    ...who,
    action: { kind: 'release' },
    note: `放弃认领${reason ? `：${reason}` : ''}`,
  });
}

export async function deliver(
  principal: Principal,
  ref: WishRef,
  input: { note: string; photoUrl?: string; photoId?: string },
) {
  const { communityId, wishId } = ref;
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
  const delivered = await step(ref, {
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
async function wisherStep(caller: Caller, communityId: string) {
  const { principal } = caller;
  const staff = !caller.onBehalfOf && isStaffOf(principal, communityId);
  const subject = staff ? undefined : await subjectOf(caller);
  if (subject && subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  return {
    actor: {
      userId: principal.userId,
      staffOf: staff || subject?.via === 'staff' ? communityId : undefined,
      wisherOf: subject?.memberId,
    } satisfies WishActor,
    ...(subject ? actedBy(principal, subject) : { byName: principal.name, byRole: 'staff' as const }),
  };
}

export async function confirm(caller: Caller, ref: WishRef) {
  const who = await wisherStep(caller, ref.communityId);
  return step(ref, { ...who, action: { kind: 'confirm' }, note: '确认已圆梦' });
}

export async function withdraw(caller: Caller, ref: WishRef) {
  const who = await wisherStep(caller, ref.communityId);
  return step(ref, { ...who, action: { kind: 'withdraw' } });
}
