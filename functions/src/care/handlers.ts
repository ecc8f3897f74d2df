import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { POINTS_ERRORS } from '@linli/shared/domain/points/errors';
import { MODERATION_ERRORS } from '@linli/shared/domain/moderation/errors';
import { CARE_ERRORS } from '@linli/shared/domain/care/errors';
import { STRUCTURE_ERRORS } from '@linli/shared/domain/structure/errors';
import { PHOTO_ERRORS } from '@linli/shared/domain/photos/errors';
import { careRoutes } from '@linli/shared/contract/care';
import { resolveActingSubject } from '../identity';
import { defineDomain } from '../platform/lambda-router';
import * as admin from './admin';
import * as wishes from './wishes';

export const careDomain = defineDomain('care', careRoutes, {
  errorTables: [IDENTITY_ERRORS, POINTS_ERRORS, MODERATION_ERRORS, CARE_ERRORS, STRUCTURE_ERRORS, PHOTO_ERRORS],
  actingFor: resolveActingSubject,
})({
  postWish: async (request) => wishes.postWish(request, request.params.communityId, request.body),
  listMyWishes: async (request) => wishes.listMine(request),
  getWishWall: async ({ principal, params }) => wishes.wall(principal, params.communityId),
  getWish: async (request) => wishes.detail(request, request.params),
  listMyClaims: async ({ principal, params }) => wishes.listMyClaims(principal, params.communityId),
  claimWish: async ({ principal, params }) => wishes.claim(principal, params),
  releaseWish: async ({ principal, params, body }) => wishes.release(principal, params, body),
  deliverWish: async ({ principal, params, body }) => wishes.deliver(principal, params, body),
  confirmWish: async (request) => wishes.confirm(request, request.params),
  withdrawWish: async (request) => wishes.withdraw(request, request.params),
  listWishQueue: async ({ params, query }) => admin.queue(params.communityId, query.status ?? 'pending_review'),
  approveWish: async ({ principal, params, body }) => wishes.approve(principal, params, body),
  declineWish: async ({ principal, params, body }) => wishes.decline(principal, params, body),
  getWishOverview: async ({ params, query }) => admin.overview(params.communityId, query.year),
  getCareSettings: async ({ params }) => admin.getSettings(params.communityId),
  updateCareSettings: async ({ params, body }) => admin.updateSettings(params.communityId, body),
  createPartnerUnit: async ({ params, body }) => admin.createPartner(params.communityId, body),
  listPartnerUnits: async ({ params }) => admin.listPartners(params.communityId),
  bindPartnerUnit: async ({ principal, body }) => admin.bindPartner(principal, body.inviteCode),
  listTaggedMembers: async ({ params }) => admin.listTagged(params.communityId),
  setMemberTags: async ({ params, body }) => admin.setTags(params.communityId, params.memberId, body.tags),
});
