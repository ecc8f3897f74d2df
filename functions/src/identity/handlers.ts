import { identityRoutes } from '@linli/shared/contract/identity';
import { DomainError } from '@linli/shared/errors';
import { optionalEnv } from '../platform/env';
import { defineDomain } from '../platform/lambda-router';
import { sessionExchanger } from './exchanger';
import * as identity from './service';

const devMode = optionalEnv('WECHAT_MODE') === 'dev';

export const identityDomain = defineDomain(
  'identity',
  identityRoutes,
)({
  loginWechat: async ({ body }) => identity.loginWithWechat(await sessionExchanger(), body.code),
  refreshSession: async ({ body }) => identity.refreshSession(body.refreshToken),
  logout: async ({ principal }) => {
    await identity.logout(principal);
    return {};
  },
  listDevLogins: async () => {
    if (!devMode) throw new DomainError('DEV_MODE_OFF');
    return identity.devLogins();
  },
  getMe: async ({ principal }) => identity.getMe(principal),
  applyMembership: async ({ principal, body }) => identity.applyForMembership(principal, body),
  listApplications: async ({ params, query }) => identity.listApplications(params.communityId, query.status),
  decideApplication: async ({ principal, params, body }) =>
    identity.decideApplication(principal, params.communityId, params.applicationId, body),
  listHousehold: async ({ principal }) => identity.listHousehold(principal),
  requestDependentLink: async ({ principal, body }) => identity.requestDependentLink(principal, body),
  listDependentLinks: async ({ params, query }) => identity.listDependentLinks(params.communityId, query.status),
  decideDependentLink: async ({ principal, params, body }) =>
    identity.decideDependentLink(principal, params.communityId, params.linkId, body),
  registerMember: async ({ principal, params, body }) => identity.registerMember(principal, params.communityId, body),
  listMembers: async ({ params, query }) => identity.listMembers(params.communityId, query.buildingId),
  getMember: async ({ principal, params }) => identity.getMemberCard(principal, params.memberId),
});
