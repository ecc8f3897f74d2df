/** Route id → need use case, one line each; the grid function (functions/src/grid) serves them. */
import type { careNeedRoutes } from '@linli/shared/contract/care-needs';
import type { DomainImpls } from '../platform/lambda-router';
import * as needs from './needs';

export const needHandlers: DomainImpls<typeof careNeedRoutes> = {
  postNeed: async (request) => needs.postNeed(request, request.params.communityId, request.body),
  listMyNeeds: async (request) => needs.listMine(request),
  listNeedBoard: async ({ principal, params, query }) => needs.board(principal, params.communityId, query.status),
  listNeedAssignees: async ({ principal, params }) => needs.assigneeOptions(principal, params.communityId),
  listMyNeedTasks: async ({ principal, params }) => needs.myTasks(principal, params.communityId),
  getNeed: async (request) => needs.detail(request, request.params),
  dispatchNeed: async ({ principal, params, body }) => needs.dispatch(principal, params, body),
  acceptNeed: async ({ principal, params }) => needs.accept(principal, params),
  declineNeed: async ({ principal, params, body }) => needs.decline(principal, params, body),
  finishNeed: async ({ principal, params, body }) => needs.finish(principal, params, body),
  rateNeed: async (request) => needs.rate(request, request.params, request.body),
  cancelNeed: async (request) => needs.cancel(request, request.params, request.body),
  referNeedToAgenda: async ({ principal, params, body }) => needs.refer(principal, params, body),
};
