/** Council data for the mini-program's component tests, shaped as the API returns it. */
import type { Booking, CouncilSession } from '@linli/shared/contract';

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
export const community = {
  id: 'anjuyuan',
  name: '安居苑社区',
  city: '银川市',
  district: '金凤区',
  address: '安居苑小区',
  grids: [
    {
      id: 'grid-1',
      name: '第一网格',
      buildings: [
        { id: 'b1', gridId: 'grid-1', name: '1号楼', address: '1号楼', households: 72, units: [] },
        { id: 'b2', gridId: 'grid-1', name: '2号楼', address: '2号楼', households: 48, units: [] },
      ],
    },
    {
      id: 'grid-2',
      name: '第二网格',
      buildings: [{ id: 'b5', gridId: 'grid-2', name: '5号楼', address: '5号楼', households: 96, units: [] }],
    },
  ],
};
