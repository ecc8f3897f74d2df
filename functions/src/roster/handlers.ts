import { ROSTER_ERRORS } from '@linli/shared/domain/roster/errors';
import { rosterRoutes } from '@linli/shared/contract/roster';
import { defineDomain } from '../platform/lambda-router';
import { confirmImport, getImport } from './apply';
import { previewImport } from './preview';
import { listRoster, revealPhone } from './roster-list';

export const rosterDomain = defineDomain('roster', rosterRoutes, { errorTables: [ROSTER_ERRORS] })({
  previewRosterImport: async ({ principal, params, body }) =>
    previewImport(principal, params.communityId, body.fileName, body.contentBase64),
  getRosterImport: async ({ params }) => getImport(params.communityId, params.importId),
  confirmRosterImport: async ({ params }) => confirmImport(params.communityId, params.importId),
  revealRosterPhone: async ({ principal, params }) => revealPhone(principal, params.communityId, params.personId),
  listRoster: async ({ params, query }) => listRoster(params.communityId, query),
});
