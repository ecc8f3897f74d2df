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
  submitTopic: async (request) => residents.submitTopic(request, request.params.communityId, request.body),
  listOpenTopics: async (request) => residents.listOpenTopics(request, request.params.communityId),
  getTopic: async (request) => residents.getTopicDetail(request, request.params),
  withdrawTopic: async (request) => moves.withdrawTopic(request, request.params),
  cosignTopic: async (request) => residents.cosignTopic(request, request.params),
  rateTopic: async (request) => residents.rateTopic(request, request.params, request.body),
  listMyTopics: async (request) => residents.listMyTopics(request),
  getTopicBoard: async ({ params }) => lists.topicBoard(params.communityId),
  listSessionTopics: async ({ principal, params }) => lists.listSessionTopics(principal, params),
  listTopicQueue: async ({ params, query }) => lists.listQueue(params.communityId, query.status ?? 'submitted'),
  approveTopic: async ({ principal, params, body }) => moves.approveTopic(principal, params, body),
  rejectTopic: async ({ principal, params, body }) => moves.rejectTopic(principal, params, body),
  mergeTopic: async ({ principal, params, body }) => moves.mergeTopic(principal, params, body),
  scheduleTopic: async ({ principal, params, body }) => moves.scheduleTopic(principal, params, body),
  decideTopic: async ({ principal, params, body }) => moves.decideTopic(principal, params, body),
  addTopicActions: async ({ principal, params, body }) => moves.addTopicActions(principal, params, body),
  progressTopic: async ({ principal, params, body }) => moves.progressTopic(principal, params, body),
  finishTopic: async ({ principal, params, body }) => moves.finishTopic(principal, params, body),
  releaseTopicText: async ({ principal, params, body }) => moderation.releaseTopicText(principal, params, body),
  hideTopicText: async ({ principal, params, body }) => moderation.hideTopicText(principal, params, body),
});
