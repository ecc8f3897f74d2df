/** Ledger changes other than hours and redemptions: staff adjustments and reversals, delivery and wish credits, settings. */
import type { Principal } from '@linli/shared/contract/principal';
import {
  adjustment,
  deliveryAward,
  parseAccount,
  reversal,
  reversalRefusal,
  wishAward,
} from '@linli/shared/domain/points/ledger';
import { DomainError } from '@linli/shared/domain-error';
import type { CanteenEvent } from '../canteen';
import type { CareEvent } from '../care';
import { getUser } from '../identity';
import { completionPut } from '../platform/idempotency';
import type { PointsEvent as OutboxEvent } from './events';
import * as repo from './repository';
import { auditView, record } from './views';

export async function adjustPoints(
  principal: Principal,
  communityId: string,
  idempotencyKey: string,
  input: { userId: string; points: number; reason: string },
) {
  const volunteer = await repo.getVolunteer(input.userId, communityId);
  if (!volunteer) throw new DomainError('VOLUNTEER_NOT_FOUND');
  const p = record(communityId, adjustment(idempotencyKey, input.userId, input.points, input.reason), principal, {
    volunteerUserId: input.userId,
    volunteerName: volunteer.name,
  });
  const event: OutboxEvent = {
    type: 'points.changed',
    communityId,
    userId: input.userId,
    amount: input.points,
    kind: 'adjust',
    reason: input.reason,
  };
  const reply = auditView(p);
  const outcome = await repo.post(p, { events: [event], completion: completionPut(reply) });
  if (outcome.outcome === 'duplicate') {
    const existing = await repo.getPostingByKey(communityId, p.postingKey);
    return auditView(existing!);
  }
  if (outcome.outcome === 'insufficient') throw new DomainError('POINTS_INSUFFICIENT');
  if (outcome.outcome !== 'posted') throw new DomainError('SERVICE_UNAVAILABLE');
  return reply;
}

/** Undoes a posting with its mirror image; the original stays, marked reversed. */
export async function reversePosting(
  principal: Principal,
  { communityId, postingId }: { communityId: string; postingId: string },
  { reason }: { reason: string },
) {
  const original = await repo.getPostingById(postingId);
  if (!original || original.communityId !== communityId) throw new DomainError('POSTING_NOT_FOUND');
  const refusal = reversalRefusal(original.kind);
  if (refusal) throw new DomainError(refusal);
  if (original.reversedBy) throw new DomainError('ALREADY_REVERSED');
  const p = record(communityId, reversal(original, reason), principal, {
    volunteerUserId: original.volunteerUserId,
    volunteerName: original.volunteerName,
    reverses: original.postingId,
    redemption: original.redemption,
  });
  const volunteerEntry = p.entries.find((e) => parseAccount(e.account)?.kind === 'volunteer');
  const events: OutboxEvent[] =
    volunteerEntry && original.volunteerUserId
      ? [
          {
            type: 'points.changed',
            communityId,
            userId: original.volunteerUserId,
            amount: volunteerEntry.amount,
            kind: 'reversal',
            reason,
          },
        ]
      : [];
  const reply = auditView(p);
  const outcome = await repo.post(p, {
    extra: repo.markReversedWrites(original, p.postingId),
    events,
    completion: completionPut(reply),
  });
  if (outcome.outcome === 'duplicate' || outcome.outcome === 'extra-failed') throw new DomainError('ALREADY_REVERSED');
  if (outcome.outcome === 'insufficient') throw new DomainError('POINTS_INSUFFICIENT');
  if (outcome.outcome !== 'posted') throw new DomainError('SERVICE_UNAVAILABLE');
  return reply;
}

export async function listAdjustments(communityId: string) {
  return { lines: (await repo.listAudit(communityId)).map(auditView) };
}

/**
 * The stream consumer's side of a delivered canteen order: the volunteer who delivered is
 * credited the community's points per delivery, once per order however often the event arrives.
 */
export async function creditDelivery(event: Extract<CanteenEvent, { type: 'canteen.delivery_confirmed' }>) {
  const settings = await repo.getSettings(event.communityId);
  return creditSystemAward({
    ...event,
    points: settings.pointsPerDelivery,
    posting: (points) => deliveryAward(event.orderId, event.volunteerUserId, points),
    by: '食堂送餐',
    kind: 'delivery',
    reason: '助餐送餐',
    what: `delivery ${event.orderId}`,
  });
}

/**
 * The points subscriber's side of a fulfilled 微心愿: the volunteer who fulfilled it is credited
 * the points care settings gave per wish when it was confirmed, once per wish however often the event arrives.
 */
export async function creditWish(event: Extract<CareEvent, { type: 'care.wish_fulfilled' }>) {
  return creditSystemAward({
    ...event,
    posting: (points) => wishAward(event.wishId, event.volunteerUserId, points),
    by: '微心愿',
    kind: 'wish',
    reason: '圆梦微心愿',
    what: `wish ${event.wishId}`,
  });
}

/**
 * Credits `points` to a volunteer for work another feature confirmed, posted by the system under
 * `by`: nothing when the community gives no points for it; 'duplicate' when the same award was
 * posted before (the posting's id comes from the event, so a redelivered event is counted once).
 */
async function creditSystemAward(award: {
  communityId: string;
  volunteerUserId: string;
  confirmedAt: string;
  points: number;
  /** The ledger posting for `points`, built only when there are points to credit. */
  posting: (points: number) => Parameters<typeof record>[1];
  by: string;
  kind: Extract<OutboxEvent, { type: 'points.changed' }>['kind'];
  reason: string;
  what: string;
}) {
  if (award.points <= 0) return 'skipped' as const;
  const at = new Date(award.confirmedAt);
  const user = await getUser(award.volunteerUserId);
  const p = record(
    award.communityId,
    award.posting(award.points),
    { userId: 'system', name: award.by },
    { volunteerUserId: award.volunteerUserId, volunteerName: user?.name },
    Number.isNaN(at.getTime()) ? new Date() : at,
  );
  const outcome = await repo.post(p, {
    events: [
      {
        type: 'points.changed',
        communityId: award.communityId,
        userId: award.volunteerUserId,
        amount: award.points,
        kind: award.kind,
        reason: award.reason,
      },
    ],
  });
  if (outcome.outcome === 'posted' || outcome.outcome === 'duplicate') return outcome.outcome;
  throw new Error(`${award.what} not credited: ${outcome.outcome}`);
}

export async function getSettings(communityId: string) {
  const { pointsPerDelivery } = await repo.getSettings(communityId);
  return { pointsPerDelivery };
}

export async function updateSettings(communityId: string, settings: { pointsPerDelivery: number }) {
  await repo.putSettings(communityId, settings, completionPut(settings));
  return settings;
}
