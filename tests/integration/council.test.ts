import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { key } from '../../functions/src/table';
import { councilIndex, councilKey, seatHoldAttribute, seatHoldsOn } from '../../functions/src/council/items';
import { apiForThisFile } from '../helpers/api';
import {
  createCommunity,
  idem,
  residentMember,
  type CommunityFixture,
  type SignedIn,
  staffMember,
} from '../helpers/fixtures';
import { freshId } from '../helpers/ids';
import { itemsUnder, scanWhere } from '../helpers/table-scan';
import { inMinutes } from '../helpers/clock';

const api = apiForThisFile();

async function setup(capacity = 20) {
  const c = await createCommunity();
  const staff = await staffMember(api, c);
  const venue = await api.call<any>('POST', `/community/${c.communityId}/venues`, {
    token: staff.accessToken,
    headers: idem(),
    body: { name: '红色议事厅', place: '社区服务中心二楼', capacity },
  });
  expect(venue.status).toBe(201);
  return { c, staff, venueId: venue.body.venueId as string };
}

async function schedule(
  c: CommunityFixture,
  staff: SignedIn,
  venueId: string,
  overrides: Record<string, unknown> = {},
) {
  return api.call<any>('POST', `/community/${c.communityId}/sessions`, {
    token: staff.accessToken,
    headers: idem(),
    body: {
      title: '加装电梯意见征集',
      venueId,
      startsAt: inMinutes(24 * 60),
      endsAt: inMinutes(24 * 60 + 90),
      audience: { kind: 'community' },
      ...overrides,
    },
  });
}

const book = (c: CommunityFixture, sessionId: string, token: string, headers: Record<string, string> = idem()) =>
  api.call<any>('POST', `/community/${c.communityId}/sessions/${sessionId}/bookings`, { token, headers });

/** A booking whose test reads the waitlist place the first answer counts (see CallOptions.firstAnswer). */
const bookFirstAnswer = (c: CommunityFixture, sessionId: string, token: string) =>
  api.call<any>('POST', `/community/${c.communityId}/sessions/${sessionId}/bookings`, {
    token,
    headers: idem(),
    firstAnswer: true,
  });

const cancel = (c: CommunityFixture, sessionId: string, token: string, headers: Record<string, string> = idem()) =>
  api.call<any>('POST', `/community/${c.communityId}/sessions/${sessionId}/bookings/cancel`, { token, headers });

const sessionItem = async (sessionId: string) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: tableName, Key: key.session(sessionId), ConsistentRead: true }),
    )
  ).Item!;

const bookingsOf = (sessionId: string) => itemsUnder(key.session(sessionId).pk, councilKey.bookingPrefix);

/** `seats` residents book one after another (seated), then `waiters` more (waitlisted). */
async function bookOneByOne(c: CommunityFixture, sessionId: string, seats: number, waiters: number) {
  const seated = [];
  for (let i = 0; i < seats; i += 1) {
    const r = await residentMember(c);
    await book(c, sessionId, r.token);
    seated.push(r);
  }
  const waiting = [];
  const waitAnswers = [];
  for (let i = 0; i < waiters; i += 1) {
    const r = await residentMember(c);
    waitAnswers.push(await book(c, sessionId, r.token));
    waiting.push(r);
  }
  return { seated, waiting, waitAnswers };
}

async function outboxTypes(sessionId: string, type: string): Promise<number> {
  // The outbox is read by the notifier from the stream; here we count its items for the session.
  const items = await scanWhere('eventType = :t AND payload.sessionId = :s', { ':t': type, ':s': sessionId });
  return items.length;
}

describe('venues and sessions', () => {
  it('edits a venue (capacity included) and answers 404 for an unknown venue, changing nothing', async () => {
    const { c, staff, venueId } = await setup(20);
    const edited = await api.call<any>('PUT', `/community/${c.communityId}/venues/${venueId}`, {
      token: staff.accessToken,
      headers: idem(),
      body: { name: '红色议事厅', place: '社区服务中心二楼', capacity: 32 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ venueId, name: '红色议事厅', place: '社区服务中心二楼', capacity: 32 });
    const stored = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: councilKey.venue(c.communityId, venueId), ConsistentRead: true }),
    );
    expect(stored.Item).toMatchObject({ capacity: 32, place: '社区服务中心二楼' });

    const unknownId = freshId('v');
    const unknown = await api.call<any>('PUT', `/community/${c.communityId}/venues/${unknownId}`, {
      token: staff.accessToken,
      headers: idem(),
      body: { name: '不存在的议事厅', place: '社区活动室', capacity: 10 },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('VENUE_NOT_FOUND');
    const none = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: councilKey.venue(c.communityId, unknownId), ConsistentRead: true }),
    );
    expect(none.Item).toBeUndefined();
  });

  it('schedules a session with defaults: booking open now, closing at the start, cutoff 2 hours before', async () => {
    const { c, staff, venueId } = await setup(30);
    const startsAt = inMinutes(3 * 24 * 60);
    const res = await schedule(c, staff, venueId, { startsAt, endsAt: inMinutes(3 * 24 * 60 + 60), reservedSeats: 5 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      onlineSeats: 25,
      reservedSeats: 5,
      seatsLeft: 25,
      waiting: 0,
      status: 'scheduled',
    });
    expect(res.body.bookingClosesAt).toBe(new Date(startsAt).toISOString());
    expect(Date.parse(res.body.startsAt) - Date.parse(res.body.cancelCutoffAt)).toBe(2 * 3600_000);
    expect(await outboxTypes(res.body.sessionId, 'council.session_scheduled')).toBe(1);
  });

  it('refuses a second session overlapping at the same venue with 409, and allows back-to-back ones', async () => {
    const { c, staff, venueId } = await setup();
    await schedule(c, staff, venueId, { startsAt: inMinutes(600), endsAt: inMinutes(660) });
    const overlapping = await schedule(c, staff, venueId, { startsAt: inMinutes(630), endsAt: inMinutes(700) });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error.code).toBe('SESSION_OVERLAP');
    const after = await schedule(c, staff, venueId, { startsAt: inMinutes(660), endsAt: inMinutes(720) });
    expect(after.status).toBe(201);
  });

  it('lets only one of two overlapping sessions scheduled at the same moment land', async () => {
    const { c, staff, venueId } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        schedule(c, staff, venueId, { startsAt: inMinutes(900 + i), endsAt: inMinutes(960 + i) }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(4);
  });

  it('refuses impossible times and more reserved seats than the venue has', async () => {
    const { c, staff, venueId } = await setup(10);
    const past = await schedule(c, staff, venueId, { startsAt: inMinutes(-60), endsAt: inMinutes(30) });
    expect(past.status).toBe(422);
    const backwards = await schedule(c, staff, venueId, { startsAt: inMinutes(120), endsAt: inMinutes(60) });
    expect(backwards.body.error.code).toBe('SESSION_TIMES_INVALID');
    const reserved = await schedule(c, staff, venueId, { reservedSeats: 11 });
    expect(reserved.body.error.code).toBe('RESERVED_SEATS_INVALID');
    const unknownVenue = await schedule(c, staff, 'no-such-venue');
    expect(unknownVenue.status).toBe(404);
  });

  it('shows residents only the sessions for their building', async () => {
    const { c, staff, venueId } = await setup();
    const forB2 = await schedule(c, staff, venueId, { audience: { kind: 'buildings', buildingIds: ['b2'] } });
    const forAll = await schedule(c, staff, venueId, { startsAt: inMinutes(3000), endsAt: inMinutes(3060) });
    const resident = await residentMember(c, { buildingId: 'b1' });
    const list = await api.call<any>('GET', `/community/${c.communityId}/sessions`, { token: resident.token });
    const ids = list.body.sessions.map((s: any) => s.sessionId);
    expect(ids).toContain(forAll.body.sessionId);
    expect(ids).not.toContain(forB2.body.sessionId);
    const refused = await book(c, forB2.body.sessionId, resident.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('NOT_IN_AUDIENCE');
  });
});

describe('booking seats', () => {
  it('gives 20 seats to 20 of 100 residents booking at once and waitlists the other 80 in arrival order', async () => {
    const { c, staff, venueId } = await setup(20);
    const session = await schedule(c, staff, venueId);
    const residents = await Promise.all(Array.from({ length: 100 }, () => residentMember(c)));

    const answers = await Promise.all(residents.map((r) => bookFirstAnswer(c, session.body.sessionId, r.token)));

    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const booked = answers.filter((a) => a.body.status === 'booked');
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(booked).toHaveLength(20);
    expect(waitlisted).toHaveLength(80);
    const stored = await sessionItem(session.body.sessionId);
    expect(stored).toMatchObject({ booked: 20, waiting: 80 });
    const items = await bookingsOf(session.body.sessionId);
    expect(items.filter((b) => b.status === 'booked')).toHaveLength(20);
    // Waitlist order is arrival order: the session's queue holds every waitlisted member once,
    // in the order their places committed, and positions follow it.
    const queue = stored.waitlist as string[];
    expect([...queue].sort()).toEqual(
      items
        .filter((b) => b.status === 'waitlisted')
        .map((b) => b.memberId as string)
        .sort(),
    );
    const waits = queue.map((memberId) => items.find((b) => b.memberId === memberId)!);
    const detail = await Promise.all(
      waits.map((w) =>
        api.call<any>('GET', `/community/${c.communityId}/sessions/${session.body.sessionId}`, {
          token: residents.find((r) => r.memberId === w.memberId)!.token,
        }),
      ),
    );
    expect(detail.map((d) => d.body.myBooking.waitlistPosition)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    // What each resident was told when booking is the place the table holds for them: no two hear 「候补第5位」.
    const told = new Map(waitlisted.map((a) => [a.body.memberId as string, a.body.waitlistPosition as number]));
    expect(waits.map((w) => told.get(w.memberId as string))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  });

  it('gives one resident booking 20 times at once exactly one seat', async () => {
    const { c, staff, venueId } = await setup(20);
    const session = await schedule(c, staff, venueId);
    const resident = await residentMember(c);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => book(c, session.body.sessionId, resident.token)),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.error.code === 'ALREADY_BOOKED')).toBe(true);
    expect(await sessionItem(session.body.sessionId)).toMatchObject({ booked: 1, waiting: 0 });
  });

  it('promotes exactly one waitlisted resident per freed seat when 10 cancel at once', async () => {
    const { c, staff, venueId } = await setup(10);
    const session = await schedule(c, staff, venueId);
    const sid = session.body.sessionId;
    const { seated, waiting } = await bookOneByOne(c, sid, 10, 15);

    const answers = await Promise.all(seated.map((r) => cancel(c, sid, r.token)));

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(await sessionItem(sid)).toMatchObject({ booked: 10, waiting: 5 });
    const items = await bookingsOf(sid);
    const promoted = waiting.filter((w) => items.find((b) => b.memberId === w.memberId)?.status === 'booked');
    // The first ten to arrive on the waitlist are the ones promoted.
    expect(promoted.map((p) => p.memberId)).toEqual(waiting.slice(0, 10).map((w) => w.memberId));
    expect(await outboxTypes(sid, 'council.seat_promoted')).toBe(10);
  });

  it('keeps the waitlist in order when seats are cancelled and people leave the queue at once', async () => {
    const { c, staff, venueId } = await setup(5);
    const session = await schedule(c, staff, venueId);
    const sid = session.body.sessionId;
    const { seated, waiting, waitAnswers } = await bookOneByOne(c, sid, 5, 15);
    expect(waitAnswers.map((a) => [a.body.status, a.body.waitlistPosition])).toEqual(
      waiting.map((_, i) => ['waitlisted', i + 1]),
    );
    const leavers = [waiting[1]!, waiting[3]!, waiting[6]!];

    const answers = await Promise.all([...seated, ...leavers].map((r) => cancel(c, sid, r.token)));

    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.map((a) => a.body.status)).toEqual(Array(8).fill('cancelled'));
    // A freed seat always goes to the head, so the first five who stayed hold the seats, whatever
    // order the cancellations committed in, and the rest wait in their original order.
    const stayed = waiting.filter((w) => !leavers.includes(w)).map((w) => w.memberId);
    const stored = await sessionItem(sid);
    expect(stored).toMatchObject({ booked: 5, waiting: 7, waitlist: stayed.slice(5) });
    const items = await bookingsOf(sid);
    const statusOf = (memberId: string) => items.find((b) => b.memberId === memberId)?.status;
    expect(stayed.map(statusOf)).toEqual([...Array(5).fill('booked'), ...Array(7).fill('waitlisted')]);
    expect(leavers.map((l) => statusOf(l.memberId))).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const detail = await api.call<any>('GET', `/community/${c.communityId}/sessions/${sid}`, {
      token: waiting.find((w) => w.memberId === stayed[7])!.token,
    });
    expect(detail.body.myBooking).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
  });

  it('frees the seat without promotion when nobody waits, and lets a waitlisted person leave the queue', async () => {
    const { c, staff, venueId } = await setup(1);
    const session = await schedule(c, staff, venueId);
    const sid = session.body.sessionId;
    const a = await residentMember(c);
    const b = await residentMember(c);
    await book(c, sid, a.token);
    const waitlisted = await bookFirstAnswer(c, sid, b.token);
    expect(waitlisted.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const left = await cancel(c, sid, b.token);
    expect(left.body.status).toBe('cancelled');
    expect(await sessionItem(sid)).toMatchObject({ booked: 1, waiting: 0 });
    await cancel(c, sid, a.token);
    expect(await sessionItem(sid)).toMatchObject({ booked: 0, waiting: 0 });
    const again = await book(c, sid, a.token);
    expect(again.body.status).toBe('booked');
  });

  it('gives the seat of a booking that died back: to the free seats when nobody waits, else to the head of the queue', async () => {
    const { c, staff, venueId } = await setup(1);
    const sid = (await schedule(c, staff, venueId)).body.sessionId;
    // A booking took the only seat and died before its transaction: its hold lapses at `until`.
    const bookingDied = (untilMs: number) =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key.session(sid),
          UpdateExpression: 'SET booked = booked + :one, #hold = :until',
          ExpressionAttributeNames: { '#hold': seatHoldAttribute(freshId('died')) },
          ExpressionAttributeValues: { ':one': 1, ':until': new Date(Date.now() + untilMs).toISOString() },
        }),
      );
    const seatsLeft = async () =>
      (await api.call<any>('GET', `/community/${c.communityId}/sessions/${sid}`, { token: staff.accessToken })).body
        .session.seatsLeft;

    await bookingDied(-1000);
    expect(await seatsLeft()).toBe(1);
    const a = await residentMember(c);
    expect((await book(c, sid, a.token)).body.status).toBe('booked');
    expect(await sessionItem(sid)).toMatchObject({ booked: 1, waiting: 0 });
    expect(seatHoldsOn(await sessionItem(sid))).toEqual([]);

    // Now the hold outlives a booking that queues behind it, then lapses.
    await cancel(c, sid, a.token);
    await bookingDied(1500);
    const w = await residentMember(c);
    expect((await bookFirstAnswer(c, sid, w.token)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await seatsLeft()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const late = await residentMember(c);
    expect((await bookFirstAnswer(c, sid, late.token)).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    const mine = await api.call<any>('GET', '/me/bookings', { token: w.token });
    expect(mine.body.bookings.map((b: any) => b.booking.status)).toEqual(['booked']);
    expect(await sessionItem(sid)).toMatchObject({ booked: 1, waiting: 1, waitlist: [late.memberId] });
    expect(seatHoldsOn(await sessionItem(sid))).toEqual([]);
    expect(await outboxTypes(sid, 'council.seat_promoted')).toBe(1);
  });

  it('gives back the seat it held when the booking is refused after the hold', async () => {
    const { c, staff, venueId } = await setup(2);
    const sid = (await schedule(c, staff, venueId)).body.sessionId;
    const r = await residentMember(c);
    // A booking the member's index does not show yet: only the transaction finds it.
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...councilKey.booking(sid, r.memberId),
          type: 'Booking',
          sessionId: sid,
          memberId: r.memberId,
          status: 'booked',
        },
      }),
    );
    const refused = await book(c, sid, r.token);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ALREADY_BOOKED']);
    expect(await sessionItem(sid)).toMatchObject({ booked: 0, waiting: 0 });
    expect(seatHoldsOn(await sessionItem(sid))).toEqual([]);
  });

  it('replays the same answer to a retried booking and changes nothing the second time', async () => {
    const { c, staff, venueId } = await setup(5);
    const session = await schedule(c, staff, venueId);
    const r = await residentMember(c);
    const headers = idem();
    const first = await book(c, session.body.sessionId, r.token, headers);
    const second = await book(c, session.body.sessionId, r.token, headers);
    expect(second).toMatchObject({ status: first.status, body: first.body });
    expect(await sessionItem(session.body.sessionId)).toMatchObject({ booked: 1 });
  });

  it('answers ten copies of one booking sent at once with the one booking they made', async () => {
    const { c, staff, venueId } = await setup(5);
    const session = await schedule(c, staff, venueId);
    const r = await residentMember(c);
    const headers = idem();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => book(c, session.body.sessionId, r.token, headers)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.bookingId)).size).toBe(1);
    expect(await sessionItem(session.body.sessionId)).toMatchObject({ booked: 1, waiting: 0 });
  });

  it('refuses booking a cancelled session, outside the window, and cancelling after the cutoff', async () => {
    const { c, staff, venueId } = await setup(5);
    const r = await residentMember(c);
    const notOpen = await schedule(c, staff, venueId, {
      bookingOpensAt: inMinutes(600),
      bookingClosesAt: inMinutes(1000),
    });
    expect((await book(c, notOpen.body.sessionId, r.token)).body.error.code).toBe('BOOKING_NOT_OPEN');

    const soon = await schedule(c, staff, venueId, { startsAt: inMinutes(60), endsAt: inMinutes(120) });
    expect((await book(c, soon.body.sessionId, r.token)).status).toBe(201);
    const late = await cancel(c, soon.body.sessionId, r.token);
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('CANCEL_CUTOFF_PASSED');

    const doomed = await schedule(c, staff, venueId, { startsAt: inMinutes(5000), endsAt: inMinutes(5060) });
    const cancelled = await api.call<any>(
      'POST',
      `/community/${c.communityId}/sessions/${doomed.body.sessionId}/cancel`,
      {
        token: staff.accessToken,
        headers: idem(),
        body: { reason: '场地临时维修' },
      },
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '场地临时维修' });
    expect(await outboxTypes(doomed.body.sessionId, 'council.session_cancelled')).toBe(1);
    const refused = await book(c, doomed.body.sessionId, r.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SESSION_CANCELLED');
    expect(await sessionItem(doomed.body.sessionId)).toMatchObject({ booked: 0 });
  });

  it('refuses an unknown session and a session of another community', async () => {
    const { c } = await setup();
    const r = await residentMember(c);
    expect((await book(c, 'nope', r.token)).status).toBe(404);
    const other = await setup();
    const theirs = await schedule(other.c, other.staff, other.venueId);
    const res = await book(c, theirs.body.sessionId, r.token);
    expect(res.status).toBe(404);
  });

  it('lets a resident with 3 recent no-shows only join the waitlist', async () => {
    const { c, staff, venueId } = await setup(1);
    const r = await residentMember(c);
    for (let i = 0; i < 3; i += 1) {
      const sessionId = freshId('past');
      const startsAt = new Date(Date.now() - (i + 2) * 86_400_000).toISOString();
      const endsAt = new Date(Date.parse(startsAt) + 3600_000).toISOString();
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...key.session(sessionId),
            sessionId,
            communityId: c.communityId,
            status: 'scheduled',
            startsAt,
            endsAt,
          },
        }),
      );
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...councilKey.booking(sessionId, r.memberId),
            bookingId: freshId('b'),
            sessionId,
            communityId: c.communityId,
            memberId: r.memberId,
            status: 'booked',
            sessionStartsAt: startsAt,
            sessionEndsAt: endsAt,
            gsi1pk: councilIndex.memberBookings(r.memberId),
            gsi1sk: councilIndex.byStart(startsAt, sessionId),
          },
        }),
      );
    }
    const open = await schedule(c, staff, venueId);
    const refused = await book(c, open.body.sessionId, r.token);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('BOOKING_RESTRICTED');
    const someone = await residentMember(c);
    await book(c, open.body.sessionId, someone.token);
    const waitlisted = await book(c, open.body.sessionId, r.token);
    expect(waitlisted.body.status).toBe('waitlisted');
  });
});

describe('acting for a member (代办)', () => {
  it('lets staff book for a member without WeChat, and records who booked for whom', async () => {
    const { c, staff, venueId } = await setup(5);
    const session = await schedule(c, staff, venueId);
    const elder = await residentMember(c, { name: '李秀英' });
    const res = await book(c, session.body.sessionId, staff.accessToken, { ...idem(), 'x-acting-for': elder.memberId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ memberName: '李秀英', bookedBy: { name: '刘晶', via: 'staff' } });
    const mine = await api.call<any>('GET', '/me/bookings', { token: elder.token });
    expect(mine.body.bookings.map((b: any) => b.booking.bookingId)).toEqual([res.body.bookingId]);
  });

  it('refuses acting for a member the caller has no link to', async () => {
    const { c, staff, venueId } = await setup(5);
    const session = await schedule(c, staff, venueId);
    const stranger = await residentMember(c);
    const elder = await residentMember(c);
    const res = await book(c, session.body.sessionId, stranger.token, { ...idem(), 'x-acting-for': elder.memberId });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ACTING_FOR_NOT_ALLOWED');
    expect(await sessionItem(session.body.sessionId)).toMatchObject({ booked: 0 });
  });
});

describe('check-in', () => {
  async function bookedSoon() {
    const { c, staff, venueId } = await setup(5);
    const session = await schedule(c, staff, venueId, { startsAt: inMinutes(30), endsAt: inMinutes(90) });
    const r = await residentMember(c);
    const booking = await book(c, session.body.sessionId, r.token);
    return { c, staff, sessionId: session.body.sessionId as string, r, booking: booking.body };
  }

  const checkIn = (c: CommunityFixture, staff: SignedIn, sessionId: string, code: string) =>
    api.call<any>('POST', `/community/${c.communityId}/sessions/${sessionId}/check-in`, {
      token: staff.accessToken,
      headers: idem(),
      body: { code },
    });

  it('checks a resident in from the QR text once, and refuses the same code again', async () => {
    const { c, staff, sessionId, booking } = await bookedSoon();
    expect(booking.qrPayload).toBe(`linli:checkin:${sessionId}:${booking.checkinCode}`);
    const first = await checkIn(c, staff, sessionId, booking.qrPayload);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('attended');
    const reused = await checkIn(c, staff, sessionId, booking.checkinCode.toLowerCase());
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('ALREADY_CHECKED_IN');
    const list = await api.call<any>('GET', `/community/${c.communityId}/sessions/${sessionId}/attendees`, {
      token: staff.accessToken,
    });
    expect(list.body.attendees[0]).toMatchObject({ status: 'attended', checkedInAt: expect.any(String) });
    expect(list.body.attendees[0].checkinCode).toBeUndefined();
  });

  it('refuses a forged code, a code of another session, and a check-in long before the start', async () => {
    const { c, staff, sessionId, booking } = await bookedSoon();
    expect((await checkIn(c, staff, sessionId, 'ZZZZZZ')).body.error.code).toBe('CHECKIN_CODE_INVALID');
    expect((await checkIn(c, staff, sessionId, `linli:checkin:other:${booking.checkinCode}`)).status).toBe(404);
    const later = await schedule(
      c,
      staff,
      (await api.call<any>('GET', `/community/${c.communityId}/venues`, { token: staff.accessToken })).body.venues[0]
        .venueId,
      {
        startsAt: inMinutes(600),
        endsAt: inMinutes(660),
      },
    );
    const r2 = await residentMember(c);
    const b2 = await book(c, later.body.sessionId, r2.token);
    const early = await checkIn(c, staff, later.body.sessionId, b2.body.checkinCode);
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('CHECKIN_NOT_OPEN');
  });

  it('exports the attendee list as CSV with a header row and one row per person', async () => {
    const { c, staff, sessionId, r } = await bookedSoon();
    const res = await api.call<any>('GET', `/community/${c.communityId}/sessions/${sessionId}/attendees/export`, {
      token: staff.accessToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.filename).toMatch(/参会名单\.csv$/);
    const lines = res.body.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('序号,姓名,楼栋,单元,门牌,状态,预约人,预约时间,签到时间');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(r.name);
    expect(lines[1]).toContain('已预约');
  });
});
