import { STRUCTURE_ERRORS } from '@linli/shared/domain/structure/errors';
import { communityRoutes } from '@linli/shared/contract/community';
import { structureRoutes } from '@linli/shared/contract/structure';
import { defineDomain } from '../platform/lambda-router';
import { pingTable } from './repository';
import { getCommunity } from './service';
import * as structure from './structure';

export const communityDomain = defineDomain(
  'community',
  { ...communityRoutes, ...structureRoutes },
  { errorTables: [STRUCTURE_ERRORS] },
)({
  health: async () => ({
    status: 'ok',
    service: 'linli',
    time: new Date().toISOString(),
    table: (await pingTable()) ? 'ok' : 'unreachable',
  }),
  getCommunity: async ({ params }) => getCommunity(params.id),
  getStructure: async ({ params }) => structure.getStructure(params.communityId),
  createGrid: async ({ params, body }) => structure.createGrid(params.communityId, body),
  updateGrid: async ({ params, body }) => structure.updateGrid(params.communityId, params.gridId, body),
  createBuilding: async ({ params, body }) => structure.createBuilding(params.communityId, body),
  updateBuilding: async ({ params, body }) => structure.updateBuilding(params.communityId, params.buildingId, body),
  deleteBuilding: async ({ params, query }) =>
    structure.deleteBuilding(params.communityId, params.buildingId, query.expectedVersion),
  addUnit: async ({ params, body }) => structure.addUnit(params.communityId, params.buildingId, body),
  updateUnit: async ({ params, body }) => structure.updateUnit(params, body),
  deleteUnit: async ({ params, query }) => structure.deleteUnit(params, query.expectedVersion),
  reorderStructure: async ({ params, body }) => structure.reorder(params.communityId, body),
});
