/** A community's council figures of a month, for the street's figures (aggregates only). */
import { queryIndex } from '../platform/items';
import { councilIndex } from './items';
import type { SessionRecord } from './records';
import { listSessionBookings } from './repository';

/**
 * AP17 over the month's starts (a community holds a few sessions a month), then AP20 per session
 * held: sessions held (started, not cancelled), seats booked and people checked in.
 */
export async function councilMonthFigures(communityId: string, from: string, to: string, now = new Date()) {
  const sessions = await queryIndex<SessionRecord>('gsi1', councilIndex.communitySessions(communityId), {
    sort: { between: [from, `${to}`] },
  });
  const held = sessions.filter((s) => s.status !== 'cancelled' && s.startsAt < to && s.startsAt <= now.toISOString());
  const bookings = await Promise.all(held.map((s) => listSessionBookings(s.sessionId)));
  const all = bookings.flat();
  return {
    sessionsHeld: held.length,
    seatsBooked: all.filter((b) => b.status === 'booked' || b.status === 'attended').length,
    attended: all.filter((b) => b.status === 'attended').length,
  };
}
