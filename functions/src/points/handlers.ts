import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { POINTS_ERRORS } from '@linli/shared/domain/points/errors';
import { MODERATION_ERRORS } from '@linli/shared/domain/moderation/errors';
import { pointsRoutes } from '@linli/shared/contract/points';
import { DomainError } from '@linli/shared/domain-error';
import { screenStaffText } from '../moderation';
import { defineDomain } from '../platform/lambda-router';
import * as activities from './activities';
import * as adjustments from './adjustments';
import * as figures from './figures';
import * as merchants from './merchants';
import * as redemption from './redemption';
import * as volunteers from './volunteers';

export const pointsDomain = defineDomain('points', pointsRoutes, {
  errorTables: [IDENTITY_ERRORS, POINTS_ERRORS, MODERATION_ERRORS],
})({
  joinVolunteers: async ({ principal, params, body }) =>
    volunteers.joinVolunteers(principal, params.communityId, body.showOnStarList),
  listVolunteers: async ({ params }) => volunteers.listVolunteers(params.communityId),
  getMyPoints: async ({ principal, params }) => volunteers.pointsOf(params.communityId, principal.userId),
  getVolunteerPoints: async ({ params }) => volunteers.volunteerPoints(params.communityId, params.userId),
  listActivities: async ({ principal, params }) => activities.listActivities(principal, params.communityId),
  // Names residents read are screened by WeChat first (a risky one is refused, nothing created).
  createActivity: async ({ principal, params, body }) =>
    screenStaffText(principal.userId, 'profile', [body.title, body.place]).then(() =>
      activities.createActivity(principal, params.communityId, body),
    ),
  signUpActivity: async ({ principal, params }) => activities.signUp(principal, params.communityId, params.activityId),
  getActivityCode: async ({ params, query }) =>
    activities.getActivityCode(params.communityId, params.activityId, query.action),
  scanActivityCode: async ({ principal, params, body }) =>
    activities.scanActivityCode(principal, params.communityId, body.code),
  listActivitySignups: async ({ params }) => activities.listActivitySignups(params.communityId, params.activityId),
  listPendingHours: async ({ params }) => activities.listPendingHours(params.communityId),
  confirmHours: async ({ principal, params, body }) => activities.confirmHours(principal, params, body),
  listPointsMerchants: async ({ principal, params }) => merchants.listMerchants(principal, params.communityId),
  createMerchant: async ({ principal, params, body }) =>
    screenStaffText(principal.userId, 'profile', [body.name, body.address]).then(() =>
      merchants.createMerchant(params.communityId, body),
    ),
  updateAgreement: async ({ params, body }) => merchants.updateAgreement(params.communityId, params.merchantId, body),
  bindMerchant: async ({ principal, body }) => merchants.bindMerchant(principal, body.inviteCode),
  createRedemptionCode: async ({ principal, params, body }) =>
    redemption.createRedemptionCode(principal, params.communityId, body),
  getRedemption: async ({ principal, params }) =>
    redemption.getRedemption(principal, params.communityId, params.codeId),
  previewRedemption: async ({ principal, params, body }) =>
    redemption.previewRedemption(principal, params.communityId, body.code),
  confirmRedemption: async ({ principal, params, body }) =>
    redemption.confirmRedemption(principal, params.communityId, body.code),
  listMerchantRedemptions: async ({ principal, params, query }) =>
    redemption.merchantRedemptions(principal, params.communityId, query.month),
  adjustPoints: async ({ principal, params, body, idempotencyKey }) => {
    if (!idempotencyKey) throw new DomainError('IDEMPOTENCY_KEY_INVALID');
    return adjustments.adjustPoints(principal, params.communityId, idempotencyKey, body);
  },
  reversePosting: async ({ principal, params, body }) => adjustments.reversePosting(principal, params, body),
  listAdjustments: async ({ params }) => adjustments.listAdjustments(params.communityId),
  getPointsReport: async ({ params, query }) => figures.pointsReport(params.communityId, query.months),
  getPointsSettings: async ({ params }) => adjustments.getSettings(params.communityId),
  updatePointsSettings: async ({ params, body }) => adjustments.updateSettings(params.communityId, body),
  getVolunteerStars: async ({ params, query }) => figures.stars(params.communityId, query.month),
});
