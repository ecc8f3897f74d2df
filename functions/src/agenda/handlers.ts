import { agendaRoutes } from '@linli/shared/contract/agenda';
import { defineDomain } from '../platform/lambda-router';
import * as moderation from './moderation';
import * as agenda from './service';

export const agendaDomain = defineDomain(
  'agenda',
  agendaRoutes,
)({
  submitTopic: async ({ principal, onBehalfOf, params, body }) =>
    agenda.submitTopic(principal, onBehalfOf, params.communityId, body),
  listOpenTopics: async ({ principal, onBehalfOf, params }) =>
    agenda.listOpenTopics(principal, onBehalfOf, params.communityId),
  getTopic: async ({ principal, onBehalfOf, params }) =>
    agenda.getTopicDetail(principal, onBehalfOf, params.communityId, params.topicId),
  withdrawTopic: async ({ principal, onBehalfOf, params }) =>
    agenda.withdrawTopic(principal, onBehalfOf, params.communityId, params.topicId),
  cosignTopic: async ({ principal, onBehalfOf, params }) =>
    agenda.cosignTopic(principal, onBehalfOf, params.communityId, params.topicId),
  rateTopic: async ({ principal, onBehalfOf, params, body }) =>
    agenda.rateTopic(principal, onBehalfOf, params.communityId, params.topicId, body),
  listMyTopics: async ({ principal, onBehalfOf }) => agenda.listMyTopics(principal, onBehalfOf),
  getTopicBoard: async ({ params }) => agenda.topicBoard(params.communityId),
  listSessionTopics: async ({ principal, params }) =>
    agenda.listSessionTopics(principal, params.communityId, params.sessionId),
  listTopicQueue: async ({ params, query }) => agenda.listQueue(params.communityId, query.status ?? 'submitted'),
  approveTopic: async ({ principal, params, body }) =>
    agenda.approveTopic(principal, params.communityId, params.topicId, body.note),
  rejectTopic: async ({ principal, params, body }) =>
    agenda.rejectTopic(principal, params.communityId, params.topicId, body.reason),
  mergeTopic: async ({ principal, params, body }) =>
    agenda.mergeTopic(principal, params.communityId, params.topicId, body),
  scheduleTopic: async ({ principal, params, body }) =>
    agenda.scheduleTopic(principal, params.communityId, params.topicId, body.sessionId),
  decideTopic: async ({ principal, params, body }) =>
    agenda.decideTopic(principal, params.communityId, params.topicId, body),
  addTopicActions: async ({ principal, params, body }) =>
    agenda.addTopicActions(principal, params.communityId, params.topicId, body.actions),
  progressTopic: async ({ principal, params, body }) =>
    agenda.progressTopic(principal, params.communityId, params.topicId, body.note),
  finishTopic: async ({ principal, params, body }) =>
    agenda.finishTopic(principal, params.communityId, params.topicId, body.note),
  releaseTopicText: async ({ principal, params, body }) =>
    moderation.releaseTopicText(principal, params.communityId, params.topicId, body),
  hideTopicText: async ({ principal, params, body }) =>
    moderation.hideTopicText(principal, params.communityId, params.topicId, body),
});
