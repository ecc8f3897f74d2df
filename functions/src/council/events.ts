/** The council feature's outbox events: written with the change they report, read by the stream consumer. */
export type CouncilEvent =
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
  | { type: 'council.session_reminder'; communityId: string; sessionId: string };
