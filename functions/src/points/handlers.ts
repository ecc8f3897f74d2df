import { pointsRoutes } from '@linli/shared/contract/points';
import { DomainError } from '@linli/shared/errors';
import { screenStaffText } from '../moderation/screen';
import { defineDomain } from '../platform/lambda-router';
import * as points from './service';

export const pointsDomain = defineDomain(
  'points',
  pointsRoutes,
)({
  joinVolunteers: async ({ principal, params, body }) =>
    points.joinVolunteers(principal, params.communityId, body.showOnStarList),
  listVolunteers: async ({ params }) => points.listVolunteers(params.communityId),
  getMyPoints: async ({ principal, params }) => points.pointsOf(params.communityId, principal.userId),
  getVolunteerPoints: async ({ params }) => points.volunteerPoints(params.communityId, params.userId),
  listActivities: async ({ principal, params }) => points.listActivities(principal, params.communityId),
  // Names residents read are screened by WeChat first (a risky one is refused, nothing created).
  createActivity: async ({ principal, params, body }) =>
    screenStaffText(principal.userId, 'profile', [body.title, body.place]).then(() =>
      points.createActivity(principal, params.communityId, body),
    ),
  signUpActivity: async ({ principal, params }) => points.signUp(principal, params.communityId, params.activityId),
  getActivityCode: async ({ params, query }) =>
    points.getActivityCode(params.communityId, params.activityId, query.action),
  scanActivityCode: async ({ principal, params, body }) =>
    points.scanActivityCode(principal, params.communityId, body.code),
  listActivitySignups: async ({ params }) => points.listActivitySignups(params.communityId, params.activityId),
  listPendingHours: async ({ params }) => points.listPendingHours(params.communityId),
  confirmHours: async ({ principal, params, body }) =>
    points.confirmHours(principal, params.communityId, params.activityId, params.userId, body),
  listPointsMerchants: async ({ principal, params }) => points.listMerchants(principal, params.communityId),
  createMerchant: async ({ principal, params, body }) =>
    screenStaffText(principal.userId, 'profile', [body.name, body.address]).then(() =>
      points.createMerchant(params.communityId, body),
    ),
  updateAgreement: async ({ params, body }) => points.updateAgreement(params.communityId, params.merchantId, body),
  bindMerchant: async ({ principal, body }) => points.bindMerchant(principal, body.inviteCode),
  createRedemptionCode: async ({ principal, params, body }) =>
    points.createRedemptionCode(principal, params.communityId, body),
  getRedemption: async ({ principal, params }) => points.getRedemption(principal, params.communityId, params.codeId),
  previewRedemption: async ({ principal, params, body }) =>
    points.previewRedemption(principal, params.communityId, body.code),
  confirmRedemption: async ({ principal, params, body }) =>
    points.confirmRedemption(principal, params.communityId, body.code),
  listMerchantRedemptions: async ({ principal, params, query }) =>
    points.merchantRedemptions(principal, params.communityId, query.month),
  adjustPoints: async ({ principal, params, body, idempotencyKey }) => {
    if (!idempotencyKey) throw new DomainError('IDEMPOTENCY_KEY_INVALID');
    return points.adjustPoints(principal, params.communityId, idempotencyKey, body);
  },
  reversePosting: async ({ principal, params, body }) =>
    points.reversePosting(principal, params.communityId, params.postingId, body.reason),
  listAdjustments: async ({ params }) => points.listAdjustments(params.communityId),
  getPointsReport: async ({ params, query }) => points.pointsReport(params.communityId, query.months),
  getPointsSettings: async ({ params }) => points.getSettings(params.communityId),
  updatePointsSettings: async ({ params, body }) => points.updateSettings(params.communityId, body),
  getVolunteerStars: async ({ params, query }) => points.stars(params.communityId, query.month),
});
