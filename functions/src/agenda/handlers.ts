import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { COUNCIL_ERRORS } from '@linli/shared/domain/council/errors';
import { AGENDA_ERRORS } from '@linli/shared/domain/agenda/errors';
import { MODERATION_ERRORS } from '@linli/shared/domain/moderation/errors';
import { agendaRoutes } from '@linli/shared/contract/agenda';
import { resolveActingSubject } from '../identity';
import { defineDomain } from '../platform/lambda-router';
import * as lists from './lists';
import * as moderation from './moderation';
import * as moves from './moves';
import * as residents from './residents';

export const agendaDomain = defineDomain('agenda', agendaRoutes, {
  errorTables: [IDENTITY_ERRORS, COUNCIL_ERRORS, AGENDA_ERRORS, MODERATION_ERRORS],
  actingFor: resolveActingSubject,
})({
  submitTopic: async ({ principal, onBehalfOf, params, body }) =>
    residents.submitTopic(principal, onBehalfOf, params.communityId, body),
  listOpenTopics: async ({ principal, onBehalfOf, params }) =>
    residents.listOpenTopics(principal, onBehalfOf, params.communityId),
  getTopic: async ({ principal, onBehalfOf, params }) =>
    residents.getTopicDetail(principal, onBehalfOf, params.communityId, params.topicId),
  withdrawTopic: async ({ principal, onBehalfOf, params }) =>
    moves.withdrawTopic(principal, onBehalfOf, params.communityId, params.topicId),
  cosignTopic: async ({ principal, onBehalfOf, params }) =>
    residents.cosignTopic(principal, onBehalfOf, params.communityId, params.topicId),
  rateTopic: async ({ principal, onBehalfOf, params, body }) =>
    residents.rateTopic(principal, onBehalfOf, params.communityId, params.topicId, body),
  listMyTopics: async ({ principal, onBehalfOf }) => residents.listMyTopics(principal, onBehalfOf),
  getTopicBoard: async ({ params }) => lists.topicBoard(params.communityId),
  listSessionTopics: async ({ principal, params }) =>
    lists.listSessionTopics(principal, params.communityId, params.sessionId),
  listTopicQueue: async ({ params, query }) => lists.listQueue(params.communityId, query.status ?? 'submitted'),
  approveTopic: async ({ principal, params, body }) =>
    moves.approveTopic(principal, params.communityId, params.topicId, body.note),
  rejectTopic: async ({ principal, params, body }) =>
    moves.rejectTopic(principal, params.communityId, params.topicId, body.reason),
  mergeTopic: async ({ principal, params, body }) =>
    moves.mergeTopic(principal, params.communityId, params.topicId, body),
  scheduleTopic: async ({ principal, params, body }) =>
    moves.scheduleTopic(principal, params.communityId, params.topicId, body.sessionId),
  decideTopic: async ({ principal, params, body }) =>
    moves.decideTopic(principal, params.communityId, params.topicId, body),
  addTopicActions: async ({ principal, params, body }) =>
    moves.addTopicActions(principal, params.communityId, params.topicId, body.actions),
  progressTopic: async ({ principal, params, body }) =>
    moves.progressTopic(principal, params.communityId, params.topicId, body.note),
  finishTopic: async ({ principal, params, body }) =>
    moves.finishTopic(principal, params.communityId, params.topicId, body.note),
  releaseTopicText: async ({ principal, params, body }) =>
    moderation.releaseTopicText(principal, params.communityId, params.topicId, body),
  hideTopicText: async ({ principal, params, body }) =>
    moderation.hideTopicText(principal, params.communityId, params.topicId, body),
});
