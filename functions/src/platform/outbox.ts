import { ulid } from 'ulidx';
import { key } from '../table';
import { tableName } from './dynamo';

/** How long an event stays in the table after it was written (the notifier reads it from the stream at once). */
const OUTBOX_RETENTION_SECONDS = 7 * 24 * 60 * 60;

/** Domain events the notifications feature delivers; each names who it is about. */
export type OutboxEvent =
  | { type: 'council.session_scheduled'; communityId: string; sessionId: string }
  | { type: 'council.session_cancelled'; communityId: string; sessionId: string; reason: string }
  | {
      type: 'council.booking_confirmed';
      communityId: string;
      sessionId: string;
      memberId: string;
      bookedByUserId: string;
    }
  | { type: 'council.waitlisted'; communityId: string; sessionId: string; memberId: string; bookedByUserId: string }
  | { type: 'council.seat_promoted'; communityId: string; sessionId: string; memberId: string; bookedByUserId: string }
  | { type: 'council.booking_cancelled'; communityId: string; sessionId: string; memberId: string }
  | { type: 'council.checked_in'; communityId: string; sessionId: string; memberId: string }
  /** The day before a session: everyone holding a seat is reminded (date, time and place). */
  | { type: 'council.session_reminder'; communityId: string; sessionId: string }
  | {
      type: 'identity.application_decided';
      communityId: string;
      userId: string;
      approved: boolean;
      reason?: string;
    }
  | {
      type: 'identity.link_decided';
      communityId: string;
      caregiverUserId: string;
      dependentName: string;
      approved: boolean;
      reason?: string;
    }
  /**
   * An agenda topic (议题) changed status (or was raised): its author hears of it, and so does the
   * caregiver who raised it for them.
   */
  | {
      type: 'agenda.topic_changed';
      communityId: string;
      topicId: string;
      title: string;
      authorMemberId: string;
      caregiverUserId?: string;
      to: string;
      note?: string;
    }
  /** A volunteer took a meal order out for delivery; the member's side is told. */
  | {
      type: 'canteen.out_for_delivery';
      communityId: string;
      orderId: string;
      memberId: string;
      placedByUserId: string;
      volunteerName: string;
    }
  /** The volunteer marked the meal delivered; the member's side is asked to confirm. */
  | { type: 'canteen.delivered'; communityId: string; orderId: string; memberId: string; placedByUserId: string }
  /** Written by the canteen with a confirmed delivery; the points ledger credits the volunteer who delivered. */
  | {
      type: 'canteen.delivery_confirmed';
      communityId: string;
      orderId: string;
      volunteerUserId: string;
      confirmedAt: string;
    }
  /** Staff confirmed (or adjusted) a volunteer's hours; the points are credited. */
  | {
      type: 'points.hours_confirmed';
      communityId: string;
      userId: string;
      activityTitle: string;
      minutes: number;
      points: number;
      adjusted: boolean;
      reason?: string;
    }
  /** Points credited or taken back outside an hours confirmation (delivery, adjustment, reversal). */
  | {
      type: 'points.changed';
      communityId: string;
      userId: string;
      amount: number;
      kind: 'delivery' | 'adjust' | 'reversal' | 'wish';
      reason: string;
    }
  /** A redemption went through: a receipt for the volunteer and the merchant operator. */
  | {
      type: 'points.redeemed';
      communityId: string;
      userId: string;
      operatorUserId: string;
      merchantName: string;
      offerTitle: string;
      maskedName: string;
      points: number;
      codeId: string;
    }
  /** Written by care with a confirmed 微心愿 a volunteer fulfilled; the points ledger credits them once. */
  | {
      type: 'care.wish_fulfilled';
      communityId: string;
      wishId: string;
      volunteerUserId: string;
      points: number;
      confirmedAt: string;
    }
  /** A direct message to one user (announcements; also used to load-test delivery). */
  | { type: 'notify.message'; communityId: string; userId: string; title: string; body: string; link?: string };

/**
 * The Put of an outbox item (`eventId` defaults to a fresh ULID; a deterministic one makes a
 * repeated job write its event once), to go into the same TransactWriteItems as the change it reports,
 * so an event is never lost and never sent for a change that did not happen.
 */
export function outboxPut(event: OutboxEvent, now = new Date(), eventId = ulid(now.getTime())) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...key.outbox(eventId),
        type: 'Outbox',
        eventId,
        eventType: event.type,
        communityId: event.communityId,
        payload: event,
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
