import * as z from 'zod/mini';
import { Id, IsoTime, communityItemParams, communityParams } from './common';
import { RoleGrant } from './principal';
import { defineRoute, lazy, type Infer } from './route';

import { CalendarDate, Phone, RealName, Relation, Room, Session } from './person';

export { CalendarDate, Phone, RealName, Relation, Room, Session };

/** Where a person lives, with the names people read. */
const addressFields = () => ({
  communityId: Id(),
  communityName: z.string(),
  buildingId: Id(),
  buildingName: z.string(),
  unitId: Id(),
  unitName: z.string(),
  room: z.string(),
});

/** A verified member of a community, as people may see them (phone masked). */
export const MemberCard = lazy(() =>
  z.object({
    memberId: Id(),
    realName: z.string(),
    ...addressFields(),
    age: z.int().check(z.nonnegative()),
    phoneMasked: z.optional(z.string()),
    hasWeChat: z.boolean(),
    status: z.enum(['verified', 'pending', 'rejected']),
  }),
);
export type MemberCard = Infer<typeof MemberCard>;

/** What matched: name and household always, and the phone's last 4 digits when the roster has a phone. */
export const RosterMatch = lazy(() =>
  z.object({
    personId: z.string(),
    name: z.string(),
    matchedOn: z.array(z.enum(['name', 'room', 'phone4'])),
  }),
);

/** A roster row shown beside a queued application (phone masked). */
export const RosterCandidate = lazy(() =>
  z.object({
    personId: z.string(),
    name: z.string(),
    buildingName: z.string(),
    unitName: z.string(),
    room: z.string(),
    birthDate: z.optional(z.string()),
    phoneMasked: z.optional(z.string()),
    tags: z.array(z.string()),
  }),
);

export const ApplicationStatus = lazy(() => z.enum(['pending', 'approved', 'rejected']));

export const Application = lazy(() =>
  z.object({
    applicationId: Id(),
    ...addressFields(),
    realName: z.string(),
    age: z.int().check(z.nonnegative()),
    phoneMasked: z.string(),
    status: ApplicationStatus(),
    reason: z.optional(z.string()),
    createdAt: IsoTime(),
    decidedAt: z.optional(IsoTime()),
    /** Staff queue only: marks an application waiting more than 3 days. */
    overdue: z.optional(z.boolean()),
    /** The roster row the application matched, which approved it at once (居民台账). */
    rosterMatch: z.optional(RosterMatch()),
    /** Staff queue only: the household's roster rows, closest name first, to help decide. */
    rosterCandidates: z.optional(z.array(RosterCandidate())),
  }),
);
export type Application = Infer<typeof Application>;

export const LinkStatus = lazy(() => z.enum(['pending', 'active', 'rejected']));

export const DependentLink = lazy(() =>
  z.object({
    linkId: Id(),
    communityId: Id(),
    caregiverUserId: Id(),
    caregiverName: z.string(),
    relation: Relation(),
    dependent: MemberCard(),
    status: LinkStatus(),
    reason: z.optional(z.string()),
    createdAt: IsoTime(),
    decidedAt: z.optional(IsoTime()),
  }),
);
export type DependentLink = Infer<typeof DependentLink>;

export const Me = lazy(() =>
  z.object({
    userId: Id(),
    name: z.string(),
    grants: z.array(RoleGrant()),
    member: z.nullable(MemberCard()),
    /** The newest application, so a newcomer sees pending or rejected with its reason. */
    latestApplication: z.nullable(Application()),
    /** People this user may act for (代办): active links; pending ones show as waiting. */
    dependents: z.array(DependentLink()),
  }),
);
export type Me = Infer<typeof Me>;

export const Decision = lazy(() =>
  z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('approve') }),
    z.strictObject({
      decision: z.literal('reject'),
      reason: z.string().check(z.trim(), z.minLength(2, '请填写驳回原因'), z.maxLength(200)),
    }),
  ]),
);

const statusQuery = lazy(() =>
  z.strictObject({ status: z.optional(z.enum(['pending', 'approved', 'rejected', 'active'])) }),
);

export const identityRoutes = {
  loginWechat: defineRoute({
    id: 'loginWechat',
    method: 'POST',
    path: '/auth/wechat',
    summary: '微信登录：用 wx.login 的 code 换取登录凭证',
    domain: 'identity',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      body: z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(128)) }),
      response: Session(),
    }),
  }),
  refreshSession: defineRoute({
    id: 'refreshSession',
    method: 'POST',
    path: '/auth/refresh',
    summary: '刷新登录凭证',
    domain: 'identity',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      body: z.strictObject({ refreshToken: z.string().check(z.minLength(1), z.maxLength(2048)) }),
      response: Session(),
    }),
  }),
  logout: defineRoute({
    id: 'logout',
    method: 'POST',
    path: '/auth/logout',
    summary: '退出登录：作废此用户的所有刷新凭证',
    domain: 'identity',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    successStatus: 204,
    schemas: () => ({ response: z.object({}) }),
  }),
  listDevLogins: defineRoute({
    id: 'listDevLogins',
    method: 'GET',
    path: '/auth/dev-logins',
    summary: '本地开发模式：演示账号列表（生产环境不可用）',
    domain: 'identity',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      response: z.object({
        users: z.array(z.object({ code: z.string(), name: z.string(), roleLabel: z.string() })),
      }),
    }),
  }),
  getMe: defineRoute({
    id: 'getMe',
    method: 'GET',
    path: '/me',
    summary: '我的信息：身份、楼栋、角色、可代办的家人',
    domain: 'identity',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      response: Me(),
    }),
  }),
  applyMembership: defineRoute({
    id: 'applyMembership',
    method: 'POST',
    path: '/memberships',
    summary: '申请成为社区居民（实名登记楼栋、单元、门牌）',
    domain: 'identity',
    roles: 'authenticated',
    scope: 'none',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      body: z.strictObject({
        communityId: Id(),
        buildingId: Id(),
        unitId: Id(),
        room: Room(),
        realName: RealName(),
        birthDate: CalendarDate(),
        phone: Phone(),
      }),
      response: Application(),
    }),
  }),
  listApplications: defineRoute({
    id: 'listApplications',
    method: 'GET',
    path: '/community/:communityId/applications',
    summary: '居民认证审核队列（最早的在前）',
    domain: 'identity',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: statusQuery(),
      response: z.object({ items: z.array(Application()) }),
    }),
  }),
  decideApplication: defineRoute({
    id: 'decideApplication',
    method: 'POST',
    path: '/community/:communityId/applications/:applicationId/decision',
    summary: '通过或驳回居民认证申请',
    domain: 'identity',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityItemParams('applicationId'),
      body: Decision(),
      response: Application(),
    }),
  }),
  listHousehold: defineRoute({
    id: 'listHousehold',
    method: 'GET',
    path: '/me/household',
    summary: '同户家庭成员（用于绑定需要代办的老人）',
    domain: 'identity',
    roles: ['resident'],
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      response: z.object({ members: z.array(MemberCard()) }),
    }),
  }),
  requestDependentLink: defineRoute({
    id: 'requestDependentLink',
    method: 'POST',
    path: '/dependents',
    summary: '绑定同户老人为代办对象（社区工作人员确认）',
    domain: 'identity',
    roles: ['resident'],
    scope: 'none',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      body: z.union([
        z.strictObject({ memberId: Id(), relation: Relation() }),
        z.strictObject({
          realName: RealName(),
          birthDate: CalendarDate(),
          relation: Relation(),
          phone: z.optional(Phone()),
        }),
      ]),
      response: DependentLink(),
    }),
  }),
  listDependentLinks: defineRoute({
    id: 'listDependentLinks',
    method: 'GET',
    path: '/community/:communityId/dependent-links',
    summary: '代办绑定确认队列',
    domain: 'identity',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: statusQuery(),
      response: z.object({ items: z.array(DependentLink()) }),
    }),
  }),
  decideDependentLink: defineRoute({
    id: 'decideDependentLink',
    method: 'POST',
    path: '/community/:communityId/dependent-links/:linkId/decision',
    summary: '确认或驳回代办绑定',
    domain: 'identity',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityItemParams('linkId'),
      body: Decision(),
      response: DependentLink(),
    }),
  }),
  registerMember: defineRoute({
    id: 'registerMember',
    method: 'POST',
    path: '/community/:communityId/members',
    summary: '为没有微信的居民建档',
    domain: 'identity',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        buildingId: Id(),
        unitId: Id(),
        room: Room(),
        realName: RealName(),
        birthDate: CalendarDate(),
        phone: z.optional(Phone()),
      }),
      response: MemberCard(),
    }),
  }),
  listMembers: defineRoute({
    id: 'listMembers',
    method: 'GET',
    path: '/community/:communityId/members',
    summary: '社区居民档案（可按楼栋筛选）',
    domain: 'identity',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ buildingId: z.optional(Id()) }),
      response: z.object({ members: z.array(MemberCard()) }),
    }),
  }),
  getMember: defineRoute({
    id: 'getMember',
    method: 'GET',
    path: '/members/:memberId',
    summary: '居民档案卡（本人、代办家属或本社区工作人员可见）',
    domain: 'identity',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      params: z.strictObject({ memberId: Id() }),
      response: MemberCard(),
    }),
  }),
} as const;
