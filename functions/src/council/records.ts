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
  /** Seats taken by online bookings (never above onlineSeats). */
  booked: number;
  /** People on the waitlist. */
  waiting: number;
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
  /** Arrival order on the waitlist: createdAt + bookingId, sortable. */
  waitKey?: string;
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
