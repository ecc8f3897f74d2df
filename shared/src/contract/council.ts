import * as z from 'zod/mini';
import { Id, IsoTime, communityItemParams, communityParams } from './common';
import { defineRoute, lazy, type Infer } from './route';

const sessionParams = lazy(() => communityItemParams('sessionId'));

export const Venue = lazy(() =>
  z.object({
    venueId: Id(),
    name: z.string(),
    place: z.string(),
    capacity: z.int().check(z.positive()),
  }),
);
export type Venue = Infer<typeof Venue>;

const VenueInput = lazy(() =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2, '请输入议事场所名称'), z.maxLength(30)),
    place: z.string().check(z.trim(), z.minLength(2, '请输入地点'), z.maxLength(60)),
    capacity: z.int().check(z.gte(1, '座位数至少为 1'), z.lte(500, '座位数最多 500')),
  }),
);

/** Who a session is for: the whole community, or some buildings. */
export const SessionAudience = lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('community') }),
    z.strictObject({ kind: z.literal('buildings'), buildingIds: z.array(Id()).check(z.minLength(1, '请选择楼栋')) }),
  ]),
);

export const SessionStatus = lazy(() => z.enum(['scheduled', 'cancelled']));

/** A council session (议事会 / 板凳会) as people see it. */
export const CouncilSession = lazy(() =>
  z.object({
    sessionId: Id(),
    communityId: Id(),
    title: z.string(),
    venue: Venue(),
    startsAt: IsoTime(),
    endsAt: IsoTime(),
    audience: SessionAudience(),
    bookingOpensAt: IsoTime(),
    bookingClosesAt: IsoTime(),
    cancelCutoffAt: IsoTime(),
    /** Seats bookable online: capacity minus the seats held back for walk-ins. */
    onlineSeats: z.int().check(z.nonnegative()),
    reservedSeats: z.int().check(z.nonnegative()),
    seatsLeft: z.int().check(z.nonnegative()),
    waiting: z.int().check(z.nonnegative()),
    status: SessionStatus(),
    cancelReason: z.optional(z.string()),
  }),
);
export type CouncilSession = Infer<typeof CouncilSession>;

export const BookingStatus = lazy(() => z.enum(['booked', 'waitlisted', 'cancelled', 'attended', 'no_show']));
export type BookingStatus = Infer<typeof BookingStatus>;

/** A seat (or a place on the waitlist) held by one member for one session. */
export const Booking = lazy(() =>
  z.object({
    bookingId: Id(),
    sessionId: Id(),
    memberId: Id(),
    memberName: z.string(),
    /** Who made the booking; differs from the member when a caregiver or staff booked (代办). */
    bookedBy: z.object({ userId: Id(), name: z.string(), via: z.enum(['self', 'caregiver', 'staff']) }),
    status: BookingStatus(),
    /** 1-based place on the waitlist, while waitlisted. */
    waitlistPosition: z.optional(z.int().check(z.positive())),
    /** Short code staff type at the door; also inside the QR code. Only shown to the member's side. */
    checkinCode: z.optional(z.string()),
    /** Text to encode in the QR code shown at the venue. */
    qrPayload: z.optional(z.string()),
    createdAt: IsoTime(),
    checkedInAt: z.optional(IsoTime()),
  }),
);
export type Booking = Infer<typeof Booking>;

export const SessionDetail = lazy(() =>
  z.object({
    session: CouncilSession(),
    /** The caller's (or the acted-for member's) booking, if any. */
    myBooking: z.nullable(Booking()),
    /** Why the caller cannot book a seat right now, if they cannot. */
    restriction: z.optional(z.object({ code: z.string(), message: z.string(), until: z.optional(IsoTime()) })),
  }),
);
export type SessionDetail = Infer<typeof SessionDetail>;

export const MyBooking = lazy(() => z.object({ booking: Booking(), session: CouncilSession() }));
export type MyBooking = Infer<typeof MyBooking>;

export const councilRoutes = {
  listVenues: defineRoute({
    id: 'listVenues',
    method: 'GET',
    path: '/community/:communityId/venues',
    summary: '议事场所列表',
    domain: 'council',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ venues: z.array(Venue()) }) }),
  }),
  createVenue: defineRoute({
    id: 'createVenue',
    method: 'POST',
    path: '/community/:communityId/venues',
    summary: '新增议事场所',
    domain: 'council',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({ params: communityParams(), body: VenueInput(), response: Venue() }),
  }),
  updateVenue: defineRoute({
    id: 'updateVenue',
    method: 'PUT',
    path: '/community/:communityId/venues/:venueId',
    summary: '修改议事场所',
    domain: 'council',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityItemParams('venueId'),
      body: VenueInput(),
      response: Venue(),
    }),
  }),
  createSession: defineRoute({
    id: 'createSession',
    method: 'POST',
    path: '/community/:communityId/sessions',
    summary: '安排一场议事会',
    domain: 'council',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        title: z.string().check(z.trim(), z.minLength(2, '请输入议事会主题'), z.maxLength(50, '主题最多 50 个字')),
        venueId: Id(),
        startsAt: IsoTime(),
        endsAt: IsoTime(),
        audience: SessionAudience(),
        /** Defaults to now. */
        bookingOpensAt: z.optional(IsoTime()),
        /** Defaults to the start. */
        bookingClosesAt: z.optional(IsoTime()),
        /** Minutes before the start after which a booking can no longer be cancelled; default 120. */
        cancelCutoffMinutes: z.optional(z.int().check(z.gte(0), z.lte(7 * 24 * 60))),
        /** Seats held back for walk-ins; default 0. */
        reservedSeats: z.optional(z.int().check(z.gte(0))),
      }),
      response: CouncilSession(),
    }),
  }),
  cancelSession: defineRoute({
    id: 'cancelSession',
    method: 'POST',
    path: '/community/:communityId/sessions/:sessionId/cancel',
    summary: '取消议事会（通知所有已预约的居民）',
    domain: 'council',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: sessionParams(),
      body: z.strictObject({
        reason: z.string().check(z.trim(), z.minLength(2, '请填写取消原因'), z.maxLength(200)),
      }),
      response: CouncilSession(),
    }),
  }),
  listSessions: defineRoute({
    id: 'listSessions',
    method: 'GET',
    path: '/community/:communityId/sessions',
    summary: '议事会列表（居民只看到面向自己楼栋的场次）',
    domain: 'council',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ when: z.optional(z.enum(['upcoming', 'past'])) }),
      response: z.object({ sessions: z.array(CouncilSession()) }),
    }),
  }),
  getSession: defineRoute({
    id: 'getSession',
    method: 'GET',
    path: '/community/:communityId/sessions/:sessionId',
    summary: '议事会详情、剩余座位与我的预约',
    domain: 'council',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ params: sessionParams(), response: SessionDetail() }),
  }),
  bookSeat: defineRoute({
    id: 'bookSeat',
    method: 'POST',
    path: '/community/:communityId/sessions/:sessionId/bookings',
    summary: '预约座位；满员时进入候补',
    domain: 'council',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    successStatus: 201,
    schemas: () => ({ params: sessionParams(), response: Booking() }),
  }),
  cancelBooking: defineRoute({
    id: 'cancelBooking',
    method: 'POST',
    path: '/community/:communityId/sessions/:sessionId/bookings/cancel',
    summary: '取消我的预约或候补（截止时间前）',
    domain: 'council',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({ params: sessionParams(), response: Booking() }),
  }),
  listMyBookings: defineRoute({
    id: 'listMyBookings',
    method: 'GET',
    path: '/me/bookings',
    summary: '我的预约（即将开始与已结束）',
    domain: 'council',
    roles: ['resident', 'staff'],
    scope: 'none',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ response: z.object({ bookings: z.array(MyBooking()) }) }),
  }),
  listAttendees: defineRoute({
    id: 'listAttendees',
    method: 'GET',
    path: '/community/:communityId/sessions/:sessionId/attendees',
    summary: '参会名单与签到情况',
    domain: 'council',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: sessionParams(),
      response: z.object({ session: CouncilSession(), attendees: z.array(Booking()) }),
    }),
  }),
  exportAttendees: defineRoute({
    id: 'exportAttendees',
    method: 'GET',
    path: '/community/:communityId/sessions/:sessionId/attendees/export',
    summary: '导出参会名单（CSV）',
    domain: 'council',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: sessionParams(), response: z.object({ filename: z.string(), csv: z.string() }) }),
  }),
  checkIn: defineRoute({
    id: 'checkIn',
    method: 'POST',
    path: '/community/:communityId/sessions/:sessionId/check-in',
    summary: '签到：扫描预约二维码或输入签到码',
    domain: 'council',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: sessionParams(),
      body: z.strictObject({ code: z.string().check(z.trim(), z.minLength(4), z.maxLength(200)) }),
      response: Booking(),
    }),
  }),
} as const;
