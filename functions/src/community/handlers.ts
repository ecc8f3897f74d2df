import { communityRoutes } from '@linli/shared/contract/community';
import { defineDomain } from '../platform/lambda-router';
import { pingTable } from './repository';
import { getCommunity } from './service';

export const communityDomain = defineDomain(
  'community',
  communityRoutes,
)({
  health: async () => ({
    status: 'ok',
    service: 'linli',
    time: new Date().toISOString(),
    table: (await pingTable()) ? 'ok' : 'unreachable',
  }),
  getCommunity: async ({ params }) => getCommunity(params.id),
});
