/**
 * Bringing communities on board: street offices (街道), their communities, and appointments
 * by one-time invite (platform admin → street operator → community staff), with role lists,
 * revocation and an audit list.
 */
import * as z from 'zod/mini';
import { Id, IsoTime, communityItemParams } from './common';
import { RealName, Session } from './person';
import { defineRoute, lazy, type Infer } from './route';

const Text = (max: number, message: string) =>
  z.string().check(z.trim(), z.minLength(2, message), z.maxLength(max, `最多 ${max} 个字`));

export const Street = lazy(() =>
  z.object({
    id: Id(),
    name: z.string(),
    city: z.string(),
    district: z.string(),
    createdAt: IsoTime(),
  }),
);
export type Street = Infer<typeof Street>;

/** A community as listed under its street (no structure). */
export const CommunitySummary = lazy(() =>
  z.object({
    id: Id(),
    name: z.string(),
    city: z.string(),
    district: z.string(),
    address: z.string(),
    streetId: z.optional(Id()),
    streetName: z.optional(z.string()),
  }),
);
export type CommunitySummary = Infer<typeof CommunitySummary>;

const StreetInput = lazy(() =>
  z.strictObject({
    name: Text(40, '请填写街道（乡镇）名称'),
    city: Text(20, '请填写所在城市'),
    district: Text(20, '请填写所在区县'),
  }),
);

const CommunityInput = lazy(() =>
  z.strictObject({
    name: Text(40, '请填写社区名称'),
    address: Text(80, '请填写社区地址'),
  }),
);

/** Roles that are given by invite; residents join by application, merchants by their own code. */
export const InvitedRole = lazy(() => z.enum(['admin', 'street', 'staff']));
export type InvitedRole = Infer<typeof InvitedRole>;

export const InviteStatus = lazy(() => z.enum(['open', 'used', 'revoked', 'expired']));

/** A one-time invite: 8-character code, valid 72 hours, one use. */
export const Invite = lazy(() =>
  z.object({
    code: z.string(),
    role: InvitedRole(),
    streetId: z.optional(Id()),
    streetName: z.optional(z.string()),
    communityId: z.optional(Id()),
    communityName: z.optional(z.string()),
    inviteeName: z.string(),
    invitedByName: z.string(),
    createdAt: IsoTime(),
    validUntil: IsoTime(),
    status: InviteStatus(),
    /** What the QR code carries: the mini-program page that accepts it. */
    link: z.string(),
  }),
);
export type Invite = Infer<typeof Invite>;

/** Someone holding an appointed role. */
export const RoleHolder = lazy(() =>
  z.object({
    userId: Id(),
    name: z.string(),
    role: InvitedRole(),
    streetId: z.optional(Id()),
    communityId: z.optional(Id()),
    communityName: z.optional(z.string()),
    grantedAt: IsoTime(),
    grantedByName: z.string(),
  }),
);
export type RoleHolder = Infer<typeof RoleHolder>;

export const RoleAuditEntry = lazy(() =>
  z.object({
    id: Id(),
    /** phone-revealed: a staff member (role) saw the full phone number of `name`. */
    action: z.enum(['appointed', 'removed', 'invited', 'invite-revoked', 'phone-revealed']),
    role: InvitedRole(),
    userId: z.optional(Id()),
    name: z.string(),
    communityId: z.optional(Id()),
    communityName: z.optional(z.string()),
    byUserId: Id(),
    byName: z.string(),
    at: IsoTime(),
    inviteCode: z.optional(z.string()),
  }),
);
export type RoleAuditEntry = Infer<typeof RoleAuditEntry>;

/** One community's month: aggregates only (counts, sums, an average), never a person. */
export const CommunityMonthFigures = lazy(() =>
  z.object({
    communityId: Id(),
    name: z.string(),
    verifiedMembers: z.int(),
    sessionsHeld: z.int(),
    seatsBooked: z.int(),
    attended: z.int(),
    topicsByStatus: z.record(z.string(), z.int()),
    topicsDone: z.int(),
    averageRating: z.optional(z.number()),
    mealsServed: z.int(),
    subsidyFen: z.int(),
    volunteerMinutes: z.int(),
    pointsIssued: z.int(),
    pointsRedeemed: z.int(),
  }),
);

const Month = lazy(() => z.string().check(z.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11')));

const InviteeInput = lazy(() => z.strictObject({ inviteeName: RealName() }));
const InviteCode = lazy(() =>
  z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-HJ-NP-Z2-9]{8}$/, '邀请码是 8 位字母和数字，请核对')),
);
const streetParams = lazy(() => z.strictObject({ streetId: Id() }));
const streetCommunityParams = lazy(() => z.strictObject({ streetId: Id(), communityId: Id() }));

export const onboardingRoutes = {
  listStreets: defineRoute({
    id: 'listStreets',
    method: 'GET',
    path: '/streets',
    summary: '街道（乡镇）列表：新居民按街道找到自己的社区',
    domain: 'onboarding',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    schemas: () => ({ response: z.object({ items: z.array(Street()) }) }),
  }),
  listStreetCommunities: defineRoute({
    id: 'listStreetCommunities',
    method: 'GET',
    path: '/streets/:streetId/communities',
    summary: '街道下的社区列表',
    domain: 'onboarding',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      params: streetParams(),
      response: z.object({ street: Street(), items: z.array(CommunitySummary()) }),
    }),
  }),
  createStreet: defineRoute({
    id: 'createStreet',
    method: 'POST',
    path: '/streets',
    summary: '平台管理员：新建街道（乡镇）',
    domain: 'onboarding',
    roles: ['admin'],
    scope: 'none',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({ body: StreetInput(), response: Street() }),
  }),
  createAdminInvite: defineRoute({
    id: 'createAdminInvite',
    method: 'POST',
    path: '/platform/invites',
    summary: '平台管理员：邀请另一位平台管理员',
    domain: 'onboarding',
    roles: ['admin'],
    scope: 'none',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({ body: InviteeInput(), response: Invite() }),
  }),
  createOperatorInvite: defineRoute({
    id: 'createOperatorInvite',
    method: 'POST',
    path: '/streets/:streetId/operator-invites',
    summary: '平台管理员：邀请街道管理员（一次性邀请码，72 小时有效）',
    domain: 'onboarding',
    roles: ['admin'],
    scope: 'street',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({ params: streetParams(), body: InviteeInput(), response: Invite() }),
  }),
  createCommunity: defineRoute({
    id: 'createCommunity',
    method: 'POST',
    path: '/streets/:streetId/communities',
    summary: '街道管理员：新建本街道的社区',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({ params: streetParams(), body: CommunityInput(), response: CommunitySummary() }),
  }),
  updateCommunity: defineRoute({
    id: 'updateCommunity',
    method: 'PATCH',
    path: '/streets/:streetId/communities/:communityId',
    summary: '街道管理员：修改本街道社区的名称和地址',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: true,
    schemas: () => ({
      params: streetCommunityParams(),
      body: z.strictObject({
        name: z.optional(Text(40, '请填写社区名称')),
        address: z.optional(Text(80, '请填写社区地址')),
      }),
      response: CommunitySummary(),
    }),
  }),
  createStaffInvite: defineRoute({
    id: 'createStaffInvite',
    method: 'POST',
    path: '/streets/:streetId/communities/:communityId/staff-invites',
    summary: '街道管理员：邀请社区工作人员（一次性邀请码，72 小时有效）',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({ params: streetCommunityParams(), body: InviteeInput(), response: Invite() }),
  }),
  listInvites: defineRoute({
    id: 'listInvites',
    method: 'GET',
    path: '/streets/:streetId/invites',
    summary: '本街道发出的邀请（含各社区工作人员邀请）',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: false,
    schemas: () => ({ params: streetParams(), response: z.object({ items: z.array(Invite()) }) }),
  }),
  revokeInvite: defineRoute({
    id: 'revokeInvite',
    method: 'POST',
    path: '/streets/:streetId/invites/:code/revoke',
    summary: '撤销尚未使用的邀请',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: true,
    schemas: () => ({ params: z.strictObject({ streetId: Id(), code: InviteCode() }), response: Invite() }),
  }),
  listRoleHolders: defineRoute({
    id: 'listRoleHolders',
    method: 'GET',
    path: '/streets/:streetId/role-holders',
    summary: '本街道的街道管理员和各社区工作人员',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: false,
    schemas: () => ({ params: streetParams(), response: z.object({ items: z.array(RoleHolder()) }) }),
  }),
  revokeRole: defineRoute({
    id: 'revokeRole',
    method: 'POST',
    path: '/streets/:streetId/role-holders/revoke',
    summary: '免去职务：角色立即收回，对方需重新登录',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: true,
    schemas: () => ({
      params: streetParams(),
      body: z.strictObject({
        userId: Id(),
        role: z.enum(['street', 'staff']),
        communityId: z.optional(Id()),
      }),
      response: z.object({ revoked: RoleHolder() }),
    }),
  }),
  listRoleAudit: defineRoute({
    id: 'listRoleAudit',
    method: 'GET',
    path: '/streets/:streetId/role-audit',
    summary: '任免记录：邀请、任命、免职，最新的在前',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: false,
    schemas: () => ({ params: streetParams(), response: z.object({ items: z.array(RoleAuditEntry()) }) }),
  }),
  getStreetFigures: defineRoute({
    id: 'getStreetFigures',
    method: 'GET',
    path: '/streets/:streetId/figures',
    summary: '街道数据：各社区某月的认证居民、议事会、议题、助餐、志愿服务与积分（只有汇总数）',
    domain: 'onboarding',
    roles: ['street'],
    scope: 'street',
    idempotent: false,
    schemas: () => ({
      params: streetParams(),
      query: z.strictObject({ month: z.optional(Month()) }),
      response: z.object({
        streetId: Id(),
        streetName: z.string(),
        month: z.string(),
        communities: z.array(CommunityMonthFigures()),
      }),
    }),
  }),
  revealApplicantPhone: defineRoute({
    id: 'revealApplicantPhone',
    method: 'POST',
    path: '/community/:communityId/applications/:applicationId/phone',
    summary: '认证审核：查看申请人的完整电话（记入街道的任免与查看记录）',
    domain: 'onboarding',
    roles: ['staff'],
    scope: 'community',
    // Each tap is a reveal of its own and is recorded as such; nothing to replay.
    idempotent: false,
    schemas: () => ({
      params: communityItemParams('applicationId'),
      response: z.object({ name: z.string(), phone: z.string() }),
    }),
  }),
  getInvite: defineRoute({
    id: 'getInvite',
    method: 'GET',
    path: '/invites/:code',
    summary: '查看邀请：邀请的职务、街道或社区和有效期',
    domain: 'onboarding',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({ params: z.strictObject({ code: InviteCode() }), response: Invite() }),
  }),
  acceptInvite: defineRoute({
    id: 'acceptInvite',
    method: 'POST',
    path: '/invites/:code/accept',
    summary: '接受邀请：获得职务并换发登录凭证',
    domain: 'onboarding',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({ params: z.strictObject({ code: InviteCode() }), response: Session() }),
  }),
} as const;
