import { render, screen } from '@testing-library/react';
import { BookingStatusTag, bookingStatusLabel } from '.';

describe('booking status labels', () => {
  it.each([
    [{ status: 'booked' as const }, '已预约', 'ok'],
    [{ status: 'waitlisted' as const, waitlistPosition: 3 }, '候补第3位', 'waiting'],
    [{ status: 'waitlisted' as const }, '候补中', 'waiting'],
    [{ status: 'attended' as const }, '已签到', 'ok'],
    [{ status: 'no_show' as const }, '未到场', 'bad'],
    [{ status: 'cancelled' as const }, '已取消', 'neutral'],
  ])('reads %j as %s', (booking, label, tone) => {
    expect(bookingStatusLabel(booking)).toEqual({ label, tone });
  });

  it('shows the label in the tone’s colour', () => {
    render(<BookingStatusTag booking={{ status: 'waitlisted', waitlistPosition: 2 }} />);

    expect(screen.getByText('候补第2位').className).toContain('status-tag--waiting');
  });
});
