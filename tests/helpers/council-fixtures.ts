/** Council data for the mini-program's component tests, shaped as the API returns it. */
import type { Booking, CouncilSession } from '@linli/shared/contract';
import { anjuyuanCommunity } from './miniapp-fixtures';

export const session = (over: Partial<CouncilSession> = {}): CouncilSession => ({
  sessionId: 'session-1',
  communityId: 'anjuyuan',
  title: '老旧小区加装电梯意见征集',
  venue: { venueId: 'venue-1', name: '红色议事厅', place: '社区服务中心二楼', capacity: 30 },
  // 2099-11-23 09:30–11:00 in Shanghai: always ahead of the test's clock.
  startsAt: '2099-11-23T01:30:00.000Z',
  endsAt: '2099-11-23T03:00:00.000Z',
  audience: { kind: 'community' },
  bookingOpensAt: '2026-01-01T00:00:00.000Z',
  bookingClosesAt: '2099-11-23T01:30:00.000Z',
  cancelCutoffAt: '2099-11-22T23:30:00.000Z',
  onlineSeats: 25,
  reservedSeats: 5,
  seatsLeft: 25,
  waiting: 0,
  status: 'scheduled',
  ...over,
});

export const booking = (over: Partial<Booking> = {}): Booking => ({
  bookingId: 'booking-1',
  sessionId: 'session-1',
  memberId: 'm-wang',
  memberName: '王桂芳',
  bookedBy: { userId: 'u-1', name: '王桂芳', via: 'self' },
  status: 'booked',
  checkinCode: 'K7M2QX',
  qrPayload: 'linli:checkin:session-1:K7M2QX',
  createdAt: '2026-11-20T01:30:00.000Z',
  ...over,
});

/** GET /community/anjuyuan with buildings b1, b2 (grid one) and b5 (grid two). */
export const community = anjuyuanCommunity();
