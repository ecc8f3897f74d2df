import type { Audience, NoShowPolicy, StoredBookingStatus } from '@linli/shared/domain/council/rules';

export interface VenueRecord {
  venueId: string;
  communityId: string;
  name: string;
  place: string;
  capacity: number;
  /** Bumped by every schedule change at the venue, so two overlapping sessions cannot both land. */
  version: number;
}

export interface SessionRecord {
  sessionId: string;
  communityId: string;
  title: string;
  venueId: string;
  venueName: string;
  venuePlace: string;
  capacity: number;
  startsAt: string;
  endsAt: string;
  audience: Audience;
  bookingOpensAt: string;
  bookingClosesAt: string;
  cancelCutoffAt: string;
  onlineSeats: number;
  reservedSeats: number;
  /** Seats taken by online bookings and held by bookings in flight (never above onlineSeats; see seat-holds.ts). */
  booked: number;
  /** People on the waitlist: always the length of `waitlist`. */
  waiting: number;
  /**
   * The waitlist: member ids in the order their places committed (absent until someone waits).
   * The queue lives on the session so that its order is the commit order of the session's own
   * transactions: no key to race for, and a place read after commit is final until someone
   * ahead leaves. A thousand waiting members add about 30 KB to the item.
   */
  waitlist?: string[];
  status: 'scheduled' | 'cancelled';
  cancelReason?: string;
  createdBy: string;
  createdAt: string;
}

export interface BookingRecord {
  bookingId: string;
  sessionId: string;
  communityId: string;
  memberId: string;
  memberName: string;
  buildingName: string;
  unitName: string;
  room: string;
  bookedByUserId: string;
  bookedByName: string;
  via: 'self' | 'caregiver' | 'staff';
  status: StoredBookingStatus;
  checkinCode: string;
  sessionStartsAt: string;
  /** Copied from the session: a booked seat not checked in by then is a no-show. */
  sessionEndsAt: string;
  createdAt: string;
  checkedInAt?: string;
  checkedInBy?: string;
  cancelledAt?: string;
}

export type CouncilSettings = NoShowPolicy;
