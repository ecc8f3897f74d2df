/** Attendance: the attendee list, its CSV, and staff checking people in by code. */
import type { Booking } from '@linli/shared/contract/council';
import type { Principal } from '@linli/shared/contract/principal';
import { toCsv } from '@linli/shared/domain/common/csv';
import { shanghaiMinute } from '@linli/shared/domain/common/shanghai-time';
import { DomainError } from '@linli/shared/domain-error';
import { checkinRefusal, parseCheckinInput } from '@linli/shared/domain/council/rules';
import { completionPut } from '../platform/idempotency';
import * as repo from './repository';
import { bookingView, nowIso, sessionOf, sessionView, statusOf, type SessionRef } from './views';

const STATUS_ORDER = ['attended', 'booked', 'no_show', 'waitlisted'] as const;

export async function listAttendees({ communityId, sessionId }: SessionRef) {
  const session = await sessionOf(communityId, sessionId);
  const now = new Date();
  const bookings = (await repo.listSessionBookings(sessionId)).filter((b) => b.status !== 'cancelled');
  const views = bookings.map((b) => bookingView(b, session, false, now));
  views.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status as (typeof STATUS_ORDER)[number]) -
        STATUS_ORDER.indexOf(b.status as (typeof STATUS_ORDER)[number]) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  return { session: sessionView(session), attendees: views };
}

const STATUS_LABEL: Record<string, string> = {
  booked: '已预约',
  waitlisted: '候补',
  attended: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
};
const VIA_LABEL: Record<string, string> = { self: '本人', caregiver: '家属代办', staff: '社区代办' };

export async function exportAttendees({ communityId, sessionId }: SessionRef) {
  const session = await sessionOf(communityId, sessionId);
  const now = new Date();
  const bookings = (await repo.listSessionBookings(sessionId)).filter((b) => b.status !== 'cancelled');
  const rows = bookings
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((b, i) => [
      i + 1,
      b.memberName,
      b.buildingName,
      b.unitName,
      b.room,
      STATUS_LABEL[statusOf(b, session, now)],
      b.bookedByUserId === undefined ? '' : `${b.bookedByName}（${VIA_LABEL[b.via]}）`,
      shanghaiMinute(b.createdAt),
      shanghaiMinute(b.checkedInAt),
    ]);
  const csv = toCsv([['序号', '姓名', '楼栋', '单元', '门牌', '状态', '预约人', '预约时间', '签到时间'], ...rows]);
  return { filename: `${shanghaiMinute(session.startsAt).slice(0, 10)}-${session.title}-参会名单.csv`, csv };
}

export async function checkIn(
  staff: Principal,
  { communityId, sessionId }: SessionRef,
  { code: input }: { code: string },
): Promise<Booking> {
  const session = await sessionOf(communityId, sessionId);
  const code = parseCheckinInput(input, sessionId);
  if (!code) throw new DomainError('CHECKIN_CODE_INVALID');
  const pointer = await repo.getCheckinCode(sessionId, code);
  if (!pointer) throw new DomainError('CHECKIN_CODE_INVALID');
  const booking = await repo.getBooking(sessionId, pointer.memberId, true);
  if (!booking || booking.bookingId !== pointer.bookingId) throw new DomainError('CHECKIN_CODE_INVALID');
  if (booking.status === 'attended') throw new DomainError('ALREADY_CHECKED_IN');
  if (booking.status !== 'booked') throw new DomainError('BOOKING_NOT_ACTIVE');
  const refusal = checkinRefusal(session, new Date());
  if (refusal) throw new DomainError(refusal);
  const at = nowIso();
  const reply = bookingView({ ...booking, status: 'attended', checkedInAt: at }, session, false);
  const checkedIn = { type: 'council.checked_in' as const, communityId, sessionId, memberId: booking.memberId };
  const marked = await repo.markAttended(booking, staff.userId, at, checkedIn, completionPut(reply));
  if (!marked) {
    const now = await repo.getBooking(sessionId, pointer.memberId, true);
    throw new DomainError(now?.status === 'attended' ? 'ALREADY_CHECKED_IN' : 'BOOKING_NOT_ACTIVE');
  }
  return reply;
}
