import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { ONBOARDING_ERRORS } from '@linli/shared/domain/onboarding/errors';
import { onboardingRoutes } from '@linli/shared/contract/onboarding';
import { defineDomain } from '../platform/lambda-router';
import { streetFigures } from './figures';
import * as invites from './invites';
import * as phoneReveal from './phone-reveal';
import * as roles from './roles';
import * as streets from './streets';

export const onboardingDomain = defineDomain('onboarding', onboardingRoutes, {
  errorTables: [IDENTITY_ERRORS, ONBOARDING_ERRORS],
})({
  listStreets: async () => streets.listStreets(),
  listStreetCommunities: async ({ params }) => streets.listStreetCommunities(params.streetId),
  createStreet: async ({ principal, body }) => streets.createStreet(principal, body),
  createAdminInvite: async ({ principal, body }) => invites.createAdminInvite(principal, body.inviteeName),
  createOperatorInvite: async ({ principal, params, body }) =>
    invites.createOperatorInvite(principal, params.streetId, body.inviteeName),
  createCommunity: async ({ params, body }) => streets.createCommunity(params.streetId, body),
  updateCommunity: async ({ params, body }) => streets.updateCommunity(params.streetId, params.communityId, body),
  createStaffInvite: async ({ principal, params, body }) => invites.createStaffInvite(principal, params, body),
  listInvites: async ({ params }) => invites.listInvites(params.streetId),
  revokeInvite: async ({ principal, params }) => invites.revokeInvite(principal, params.streetId, params.code),
  listRoleHolders: async ({ params }) => roles.listRoleHolders(params.streetId),
  revokeRole: async ({ principal, params, body }) => roles.revokeRole(principal, params.streetId, body),
  listRoleAudit: async ({ params }) => roles.listRoleAudit(params.streetId),
  getStreetFigures: async ({ params, query }) => streetFigures(params.streetId, query.month),
  revealApplicantPhone: async ({ principal, params }) =>
    phoneReveal.revealApplicantPhone(principal, params.communityId, params.applicationId),
  getInvite: async ({ params }) => invites.getInvite(params.code),
  acceptInvite: async ({ principal, params }) => invites.acceptInvite(principal, params.code),
});
