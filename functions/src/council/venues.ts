/** Venues: where sessions take place, with their seats. */
import { ulid } from 'ulidx';
import type { Venue } from '@linli/shared/contract/council';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import * as repo from './repository';
import type { VenueRecord } from './records';
import { venueView } from './views';

export async function listVenues(communityId: string): Promise<{ venues: Venue[] }> {
  const venues = await repo.listVenues(communityId);
  return { venues: venues.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map(venueView) };
}

export async function createVenue(
  communityId: string,
  input: { name: string; place: string; capacity: number },
): Promise<Venue> {
  const venue: VenueRecord = { venueId: ulid(), communityId, ...input, version: 0 };
  const reply = venueView(venue);
  await repo.putVenue(venue, true, completionPut(reply));
  return reply;
}

export async function updateVenue(
  { communityId, venueId }: { communityId: string; venueId: string },
  input: { name: string; place: string; capacity: number },
): Promise<Venue> {
  const updated = await repo.updateVenue(communityId, venueId, input);
  if (!updated) throw new DomainError('VENUE_NOT_FOUND');
  return venueView(updated);
}
