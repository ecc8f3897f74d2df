import type { Community } from '@linli/shared/contract/community';
import { DomainError } from '@linli/shared/domain-error';
import { assembleCommunity } from '@linli/shared/domain/community/structure';
import { loadCommunityStructure } from './repository';

/** The community's grids, buildings and units, or COMMUNITY_NOT_FOUND. */
export async function getCommunity(communityId: string): Promise<Community> {
  const { community, grids, buildings } = await loadCommunityStructure(communityId);
  if (!community) throw new DomainError('COMMUNITY_NOT_FOUND');
  return assembleCommunity(community, grids, buildings);
}
