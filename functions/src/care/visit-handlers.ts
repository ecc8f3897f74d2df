/** Route id → use case for grid workers' care visits; the grid function (functions/src/grid) serves them. */
import type { careVisitRoutes } from '@linli/shared/contract/care-visits';
import type { DomainImpls } from '../platform/lambda-router';
import * as people from './grid-people';
import * as workers from './grid-workers';
import * as visits from './visits';

export const careVisitHandlers: DomainImpls<typeof careVisitRoutes> = {
  listGridWorkers: async ({ params }) => workers.listGridWorkers(params.communityId),
  appointGridWorker: async ({ principal, params, body }) =>
    workers.appointGridWorker(principal, params.communityId, body),
  removeGridWorker: async ({ principal, params }) =>
    workers.removeGridWorker(principal, params.communityId, params.userId),
  getVisitIntervals: async ({ params }) => workers.getIntervals(params.communityId),
  updateVisitIntervals: async ({ params, body }) => workers.updateIntervals(params.communityId, body.intervals),
  listMyGrids: async ({ principal, params }) => people.listMyGrids(principal, params.communityId),
  listGridPeople: async ({ principal, params }) => people.listGridPeople(principal, params.communityId, params.gridId),
  listGridOverdue: async ({ principal, params }) =>
    people.listGridOverdue(principal, params.communityId, params.gridId),
  listCommunityOverdue: async ({ params }) => people.listCommunityOverdue(params.communityId),
  getGridPerson: async ({ principal, params }) => people.getGridPerson(principal, params.communityId, params.memberId),
  recordVisit: async ({ principal, params, body }) => visits.recordVisit(principal, params, body),
};
