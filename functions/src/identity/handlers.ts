import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { STRUCTURE_ERRORS } from '@linli/shared/domain/structure/errors';
import { identityRoutes } from '@linli/shared/contract/identity';
import { DomainError } from '@linli/shared/domain-error';
import { optionalEnv } from '../platform/env';
import { defineDomain } from '../platform/lambda-router';
import { sessionExchanger } from './exchanger';
import * as applications from './applications';
import * as caregivers from './caregivers';
import { getMe } from './me';
import * as members from './members';
import * as signIn from './sign-in';

const devMode = optionalEnv('WECHAT_MODE') === 'dev';

export const identityDomain = defineDomain('identity', identityRoutes, {
  errorTables: [IDENTITY_ERRORS, STRUCTURE_ERRORS],
})({
  loginWechat: async ({ body }) => signIn.loginWithWechat(await sessionExchanger(), body.code),
  refreshSession: async ({ body }) => signIn.refreshSession(body.refreshToken),
  logout: async ({ principal }) => {
    await signIn.logout(principal);
    return {};
  },
  listDevLogins: async () => {
    if (!devMode) throw new DomainError('DEV_MODE_OFF');
    return signIn.devLogins();
  },
  getMe: async ({ principal }) => getMe(principal),
  applyMembership: async ({ principal, body }) => applications.applyForMembership(principal, body),
  listApplications: async ({ params, query }) => applications.listApplications(params.communityId, query.status),
  decideApplication: async ({ principal, params, body }) => applications.decideApplication(principal, params, body),
  listHousehold: async ({ principal }) => members.listHousehold(principal),
  requestDependentLink: async ({ principal, body }) => caregivers.requestDependentLink(principal, body),
  listDependentLinks: async ({ params, query }) => caregivers.listDependentLinks(params.communityId, query.status),
  decideDependentLink: async ({ principal, params, body }) => caregivers.decideDependentLink(principal, params, body),
  registerMember: async ({ principal, params, body }) => members.registerMember(principal, params.communityId, body),
  listMembers: async ({ params, query }) => members.listMembers(params.communityId, query.buildingId),
  getMember: async ({ principal, params }) => members.getMemberCard(principal, params.memberId),
});
