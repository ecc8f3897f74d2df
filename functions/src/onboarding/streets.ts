/** Street offices (街道) and the communities they create. */
import { ulid } from 'ulidx';
import type { CommunitySummary, Street } from '@linli/shared/contract/onboarding';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import * as repo from './repository';
import { communityView, streetView } from './views';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN');

export async function listStreets(): Promise<{ items: Street[] }> {
  return { items: (await repo.listStreets()).map(streetView).sort(byName) };
}

/** A street and its communities, for a newcomer looking for theirs. */
export async function listStreetCommunities(streetId: string) {
  const [street, communities] = await Promise.all([repo.getStreet(streetId), repo.listStreetCommunities(streetId)]);
  if (!street) throw new DomainError('STREET_NOT_FOUND');
  return { street: streetView(street), items: communities.map(communityView).sort(byName) };
}

export async function createStreet(
  principal: Principal,
  input: { name: string; city: string; district: string },
): Promise<Street> {
  const street = { id: ulid(), ...input, createdAt: new Date().toISOString(), createdBy: principal.userId };
  const reply = streetView(street);
  await repo.createStreet(street, completionPut(reply));
  return reply;
}

/** The street, or STREET_NOT_FOUND. */
export async function requireStreet(streetId: string) {
  const street = await repo.getStreet(streetId);
  if (!street) throw new DomainError('STREET_NOT_FOUND');
  return street;
}

/** The community, when it belongs to the street; any other community is not found. */
export async function requireStreetCommunity(streetId: string, communityId: string) {
  const community = await repo.getCommunityMeta(communityId);
  if (!community || community.streetId !== streetId) throw new DomainError('COMMUNITY_NOT_FOUND');
  return community;
}

export async function createCommunity(
  streetId: string,
  input: { name: string; address: string },
): Promise<CommunitySummary> {
  const street = await requireStreet(streetId);
  const community = {
    id: ulid(),
    name: input.name,
    address: input.address,
    city: street.city,
    district: street.district,
    streetId: street.id,
    streetName: street.name,
  };
  const reply = communityView(community);
  await repo.createCommunity(community, completionPut(reply));
  return reply;
}

export async function updateCommunity(
  streetId: string,
  communityId: string,
  change: { name?: string; address?: string },
): Promise<CommunitySummary> {
  return communityView(await repo.updateCommunity(streetId, communityId, change));
}
