import type { Booking } from '@linli/shared/contract';
import { StatusTag, type StatusTone } from '../status-tag';

/** How a booking's state reads: 已预约, 候补第2位, 已签到, 未到场, 已取消. */
export function bookingStatusLabel(booking: Pick<Booking, 'status' | 'waitlistPosition'>): {
  label: string;
  tone: StatusTone;
} {
  switch (booking.status) {
    case 'booked':
      return { label: '已预约', tone: 'ok' };
    case 'waitlisted':
      return { label: booking.waitlistPosition ? `候补第${booking.waitlistPosition}位` : '候补中', tone: 'waiting' };
    case 'attended':
      return { label: '已签到', tone: 'ok' };
    case 'no_show':
      return { label: '未到场', tone: 'bad' };
    case 'cancelled':
      return { label: '已取消', tone: 'neutral' };
  }
}

/** A booking's state as a coloured tag. */
export function BookingStatusTag({ booking }: { booking: Pick<Booking, 'status' | 'waitlistPosition'> }) {
  const { label, tone } = bookingStatusLabel(booking);
  return <StatusTag tone={tone}>{label}</StatusTag>;
}
