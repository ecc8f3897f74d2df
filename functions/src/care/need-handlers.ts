/** Route id → need use case, one line each; the grid function (functions/src/grid) serves them. */
import type { careNeedRoutes } from '@linli/shared/contract/care-needs';
import type { DomainImpls } from '../platform/lambda-router';
import * as needs from './needs';

export const needHandlers: DomainImpls<typeof careNeedRoutes> = {
  postNeed: async ({ principal, onBehalfOf, params, body }) =>
    needs.postNeed(principal, onBehalfOf, params.communityId, body),
  listMyNeeds: async ({ principal, onBehalfOf }) => needs.listMine(principal, onBehalfOf),
  listNeedBoard: async ({ principal, params, query }) => needs.board(principal, params.communityId, query.status),
  listNeedAssignees: async ({ principal, params }) => needs.assigneeOptions(principal, params.communityId),
  listMyNeedTasks: async ({ principal, params }) => needs.myTasks(principal, params.communityId),
  getNeed: async ({ principal, onBehalfOf, params }) =>
    needs.detail(principal, onBehalfOf, params.communityId, params.needId),
  dispatchNeed: async ({ principal, params, body }) =>
    needs.dispatch(principal, params.communityId, params.needId, body),
  acceptNeed: async ({ principal, params }) => needs.accept(principal, params.communityId, params.needId),
  declineNeed: async ({ principal, params, body }) =>
    needs.decline(principal, params.communityId, params.needId, body.reason),
  finishNeed: async ({ principal, params, body }) =>
    needs.finish(principal, params.communityId, params.needId, body.note),
  rateNeed: async ({ principal, onBehalfOf, params, body }) =>
    needs.rate(principal, onBehalfOf, params.communityId, params.needId, body),
  cancelNeed: async ({ principal, onBehalfOf, params, body }) =>
    needs.cancel(principal, onBehalfOf, params.communityId, params.needId, body.reason || undefined),
  referNeedToAgenda: async ({ principal, params, body }) =>
    needs.refer(principal, params.communityId, params.needId, body),
};
