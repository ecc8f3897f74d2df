import * as z from 'zod/mini';
import { Fen, Id, IsoTime, InviteCodeBody, communityItemParams, communityParams } from './common';
import { defineRoute, lazy, type Infer } from './route';

const activityParams = lazy(() => communityItemParams('activityId'));
const Reason = lazy(() => z.string().check(z.trim(), z.minLength(2, '请填写原因'), z.maxLength(200)));
const Month = lazy(() => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 2026-11')));
const Points = lazy(() => z.int().check(z.gte(1, '积分至少为 1'), z.lte(100_000)));
/** A scanned QR text or a typed short code (activity check-in/out, redemption). */
const ScannedCode = lazy(() => z.string().check(z.trim(), z.minLength(6, '请输入完整的 6 位码'), z.maxLength(600)));
const DateOnly = lazy(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 2026-11-01')));

export const PostingKind = lazy(() => z.enum(['hours', 'delivery', 'redeem', 'adjust', 'reversal', 'seed', 'wish']));

/** One line of an account's history: a posting as it touched this account. */
export const PointsEntry = lazy(() =>
  z.object({
    postingId: Id(),
    kind: PostingKind(),
    /** Positive: points in; negative: points out. */
    amount: z.int(),
    reason: z.string(),
    postedAt: IsoTime(),
    /** Whether a later compensating posting undid this one. */
    reversed: z.optional(z.boolean()),
  }),
);
export type PointsEntry = Infer<typeof PointsEntry>;

export const MyPoints = lazy(() =>
  z.object({
    balance: z.int(),
    /** Points of hours done but not yet confirmed by staff. */
    pendingPoints: z.int().check(z.nonnegative()),
    entries: z.array(PointsEntry()),
  }),
);
export type MyPoints = Infer<typeof MyPoints>;

export const Award = lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('perHour'), pointsPerHour: z.int().check(z.gte(1), z.lte(1000)) }),
    z.strictObject({ kind: z.literal('fixed'), points: Points() }),
  ]),
);

export const SignupStatus = lazy(() => z.enum(['signed_up', 'checked_in', 'checked_out', 'confirmed']));

export const Signup = lazy(() =>
  z.object({
    signupId: Id(),
    activityId: Id(),
    userId: Id(),
    name: z.string(),
    status: SignupStatus(),
    checkedInAt: z.optional(IsoTime()),
    checkedOutAt: z.optional(IsoTime()),
    /** Minutes between check-in and check-out. */
    measuredMinutes: z.optional(z.int()),
    confirmedMinutes: z.optional(z.int()),
    /** Points credited (confirmed) or expected (checked out). */
    points: z.optional(z.int()),
    adjustReason: z.optional(z.string()),
  }),
);
export type Signup = Infer<typeof Signup>;

export const Activity = lazy(() =>
  z.object({
    activityId: Id(),
    communityId: Id(),
    title: z.string(),
    place: z.string(),
    startsAt: IsoTime(),
    endsAt: IsoTime(),
    slots: z.int(),
    signedUp: z.int(),
    award: Award(),
    mySignup: z.optional(Signup()),
  }),
);
export type Activity = Infer<typeof Activity>;

export const Offer = lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      offerId: Id(),
      kind: z.literal('fixed'),
      title: z.string().check(z.trim(), z.minLength(2, '请填写兑换项目'), z.maxLength(40)),
      points: Points(),
    }),
    z.strictObject({
      offerId: Id(),
      kind: z.literal('discount'),
      title: z.string().check(z.trim(), z.minLength(2, '请填写兑换项目'), z.maxLength(40)),
      pointsPerYuan: z.int().check(z.gte(1), z.lte(100)),
      maxSharePercent: z.int().check(z.gte(1), z.lte(100)),
    }),
  ]),
);
export type Offer = Infer<typeof Offer>;

export const Agreement = lazy(() =>
  z.strictObject({
    offers: z.array(Offer()).check(z.minLength(1, '至少需要一个兑换项目'), z.maxLength(10)),
    activeFrom: DateOnly(),
    activeTo: z.optional(DateOnly()),
    /** Points the merchant accepts per month at most. */
    monthlyCap: z.optional(Points()),
  }),
);
export type Agreement = Infer<typeof Agreement>;

export const Merchant = lazy(() =>
  z.object({
    merchantId: Id(),
    name: z.string(),
    address: z.string(),
    category: z.string(),
    agreement: z.optional(Agreement()),
    /** Whether the agreement is in force today. */
    active: z.boolean(),
    /** Staff only: the code that binds the operator's account, while unused. */
    inviteCode: z.optional(z.string()),
    operatorBound: z.optional(z.boolean()),
  }),
);
export type Merchant = Infer<typeof Merchant>;

export const RedemptionCode = lazy(() =>
  z.object({
    codeId: Id(),
    /** Signed, single-use text shown as a QR code. */
    code: z.string(),
    /** 6 readable characters the merchant can type instead, valid as long as the QR code. */
    shortCode: z.string(),
    expiresAt: IsoTime(),
    points: z.int(),
    deductionFen: z.optional(Fen()),
    merchantName: z.string(),
    offerTitle: z.string(),
  }),
);
export type RedemptionCode = Infer<typeof RedemptionCode>;

export const RedemptionPreview = lazy(() =>
  z.object({
    maskedName: z.string(),
    merchantName: z.string(),
    offerTitle: z.string(),
    points: z.int(),
    deductionFen: z.optional(Fen()),
    expiresAt: IsoTime(),
  }),
);

export const Receipt = lazy(() =>
  z.object({
    postingId: Id(),
    codeId: Id(),
    maskedName: z.string(),
    merchantId: Id(),
    merchantName: z.string(),
    offerTitle: z.string(),
    points: z.int(),
    deductionFen: z.optional(Fen()),
    redeemedAt: IsoTime(),
    reversed: z.optional(z.boolean()),
  }),
);
export type Receipt = Infer<typeof Receipt>;

export const AuditLine = lazy(() =>
  z.object({
    postingId: Id(),
    kind: PostingKind(),
    volunteerUserId: z.optional(z.string()),
    volunteerName: z.optional(z.string()),
    /** Points to (positive) or from (negative) the volunteer; for other postings, the largest movement. */
    amount: z.int(),
    reason: z.string(),
    byUserId: z.string(),
    byName: z.string(),
    postedAt: IsoTime(),
    reverses: z.optional(z.string()),
  }),
);

export const MonthFigures = lazy(() =>
  z.object({
    month: z.string(),
    issued: z.int(),
    redeemed: z.int(),
    /** Points held by volunteers at the month's end. */
    outstanding: z.int(),
    byMerchant: z.array(z.object({ merchantId: Id(), name: z.string(), redeemed: z.int(), count: z.int() })),
  }),
);
export type MonthFigures = Infer<typeof MonthFigures>;

export const Volunteer = lazy(() =>
  z.object({ userId: Id(), name: z.string(), balance: z.int(), showOnStarList: z.boolean(), joinedAt: IsoTime() }),
);

export const pointsRoutes = {
  joinVolunteers: defineRoute({
    id: 'joinVolunteers',
    method: 'POST',
    path: '/community/:communityId/volunteers',
    summary: '成为志愿者（认证居民即时生效）',
    domain: 'points',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({ showOnStarList: z.boolean() }),
      response: Volunteer(),
    }),
  }),
  listVolunteers: defineRoute({
    id: 'listVolunteers',
    method: 'GET',
    path: '/community/:communityId/volunteers',
    summary: '志愿者名单与积分余额',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ volunteers: z.array(Volunteer()) }) }),
  }),
  getMyPoints: defineRoute({
    id: 'getMyPoints',
    method: 'GET',
    path: '/community/:communityId/points/me',
    summary: '我的积分：余额、待确认积分与明细',
    domain: 'points',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: MyPoints() }),
  }),
  getVolunteerPoints: defineRoute({
    id: 'getVolunteerPoints',
    method: 'GET',
    path: '/community/:communityId/volunteers/:userId/points',
    summary: '某位志愿者的积分明细（工作人员查看、冲正）',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityItemParams('userId'), response: MyPoints() }),
  }),
  listActivities: defineRoute({
    id: 'listActivities',
    method: 'GET',
    path: '/community/:communityId/activities',
    summary: '志愿活动（即将开始与进行中），含我的报名',
    domain: 'points',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ activities: z.array(Activity()) }) }),
  }),
  createActivity: defineRoute({
    id: 'createActivity',
    method: 'POST',
    path: '/community/:communityId/activities',
    summary: '发布志愿活动',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        title: z.string().check(z.trim(), z.minLength(2, '请填写活动名称'), z.maxLength(40)),
        place: z.string().check(z.trim(), z.minLength(2, '请填写地点'), z.maxLength(60)),
        startsAt: IsoTime(),
        endsAt: IsoTime(),
        slots: z.int().check(z.gte(1, '名额至少为 1'), z.lte(500)),
        award: Award(),
      }),
      response: Activity(),
    }),
  }),
  signUpActivity: defineRoute({
    id: 'signUpActivity',
    method: 'POST',
    path: '/community/:communityId/activities/:activityId/signups',
    summary: '报名志愿活动',
    domain: 'points',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({ params: activityParams(), response: Signup() }),
  }),
  getActivityCode: defineRoute({
    id: 'getActivityCode',
    method: 'GET',
    path: '/community/:communityId/activities/:activityId/code',
    summary: '现场签到/签退二维码（定时轮换、过期失效）',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: activityParams(),
      query: z.strictObject({ action: z.enum(['in', 'out']) }),
      response: z.object({
        code: z.string(),
        /** 6 readable characters a volunteer can type instead, valid as long as the QR code. */
        shortCode: z.string(),
        action: z.enum(['in', 'out']),
        expiresAt: IsoTime(),
        refreshAt: IsoTime(),
      }),
    }),
  }),
  scanActivityCode: defineRoute({
    id: 'scanActivityCode',
    method: 'POST',
    path: '/community/:communityId/activity-scans',
    summary: '志愿者扫描活动二维码签到或签退',
    domain: 'points',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({ code: ScannedCode() }),
      response: z.object({ action: z.enum(['in', 'out']), activity: Activity(), signup: Signup() }),
    }),
  }),
  listActivitySignups: defineRoute({
    id: 'listActivitySignups',
    method: 'GET',
    path: '/community/:communityId/activities/:activityId/signups',
    summary: '活动报名与签到名单',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: activityParams(),
      response: z.object({ activity: Activity(), signups: z.array(Signup()) }),
    }),
  }),
  listPendingHours: defineRoute({
    id: 'listPendingHours',
    method: 'GET',
    path: '/community/:communityId/pending-hours',
    summary: '待确认的志愿时长（已签退）',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      response: z.object({ items: z.array(z.object({ activity: Activity(), signup: Signup() })) }),
    }),
  }),
  confirmHours: defineRoute({
    id: 'confirmHours',
    method: 'POST',
    path: '/community/:communityId/activities/:activityId/signups/:userId/confirm',
    summary: '确认（或调整）志愿时长，积分随即到账',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: z.strictObject({ communityId: Id(), activityId: Id(), userId: Id() }),
      body: z.strictObject({
        /** Omit to confirm the measured minutes. */
        minutes: z.optional(z.int().check(z.gte(0), z.lte(24 * 60))),
        reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
      }),
      response: Signup(),
    }),
  }),
  listPointsMerchants: defineRoute({
    id: 'listPointsMerchants',
    method: 'GET',
    path: '/community/:communityId/points-merchants',
    summary: '爱心商户与兑换项目',
    domain: 'points',
    roles: ['resident', 'volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ merchants: z.array(Merchant()) }) }),
  }),
  createMerchant: defineRoute({
    id: 'createMerchant',
    method: 'POST',
    path: '/community/:communityId/points-merchants',
    summary: '新增爱心商户及兑换协议（生成邀请码）',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        name: z.string().check(z.trim(), z.minLength(2, '请填写商户名称'), z.maxLength(40)),
        address: z.string().check(z.trim(), z.minLength(2, '请填写地址'), z.maxLength(60)),
        category: z.string().check(z.trim(), z.minLength(1, '请填写类别'), z.maxLength(20)),
        agreement: Agreement(),
      }),
      response: Merchant(),
    }),
  }),
  updateAgreement: defineRoute({
    id: 'updateAgreement',
    method: 'PUT',
    path: '/community/:communityId/points-merchants/:merchantId/agreement',
    summary: '修改商户兑换协议',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityItemParams('merchantId'),
      body: Agreement(),
      response: Merchant(),
    }),
  }),
  bindMerchant: defineRoute({
    id: 'bindMerchant',
    method: 'POST',
    path: '/merchant-bindings',
    summary: '商户经营者用邀请码绑定商户',
    domain: 'points',
    roles: 'authenticated',
    scope: 'none',
    idempotent: true,
    schemas: () => ({
      body: InviteCodeBody(),
      response: z.object({ communityId: Id(), merchantId: Id(), merchantName: z.string() }),
    }),
  }),
  createRedemptionCode: defineRoute({
    id: 'createRedemptionCode',
    method: 'POST',
    path: '/community/:communityId/redemption-codes',
    summary: '生成一次性兑换码（60 秒有效）',
    domain: 'points',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        merchantId: Id(),
        offerId: Id(),
        /** Discount offers: the order amount and, optionally, fewer points than the most allowed. */
        orderFen: z.optional(z.int().check(z.gte(1), z.lte(10_000_000))),
        points: z.optional(Points()),
      }),
      response: RedemptionCode(),
    }),
  }),
  getRedemption: defineRoute({
    id: 'getRedemption',
    method: 'GET',
    path: '/community/:communityId/redemption-codes/:codeId',
    summary: '兑换码是否已被商户确认（兑换凭证）',
    domain: 'points',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityItemParams('codeId'),
      response: z.object({ status: z.enum(['pending', 'redeemed']), receipt: z.optional(Receipt()) }),
    }),
  }),
  previewRedemption: defineRoute({
    id: 'previewRedemption',
    method: 'POST',
    path: '/community/:communityId/merchant/redemption-preview',
    summary: '商户扫码：查看兑换人（脱敏）、项目和积分',
    domain: 'points',
    roles: ['merchant', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({ code: ScannedCode() }),
      response: RedemptionPreview(),
    }),
  }),
  confirmRedemption: defineRoute({
    id: 'confirmRedemption',
    method: 'POST',
    path: '/community/:communityId/merchant/redemptions',
    summary: '商户确认兑换，积分即时划转',
    domain: 'points',
    roles: ['merchant', 'staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({ params: communityParams(), body: z.strictObject({ code: ScannedCode() }), response: Receipt() }),
  }),
  listMerchantRedemptions: defineRoute({
    id: 'listMerchantRedemptions',
    method: 'GET',
    path: '/community/:communityId/merchant/redemptions',
    summary: '本店兑换记录与月结单',
    domain: 'points',
    roles: ['merchant', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ month: z.optional(Month()) }),
      response: z.object({
        merchant: Merchant(),
        month: z.string(),
        statement: z.object({ count: z.int(), points: z.int(), deductionFen: Fen(), monthlyCap: z.optional(z.int()) }),
        redemptions: z.array(Receipt()),
      }),
    }),
  }),
  adjustPoints: defineRoute({
    id: 'adjustPoints',
    method: 'POST',
    path: '/community/:communityId/points/adjustments',
    summary: '手工调整志愿者积分（须填原因，进入审计清单）',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        userId: Id(),
        points: z.int().check(
          z.gte(-100_000),
          z.lte(100_000),
          z.refine((n) => n !== 0, '调整积分不能为 0'),
        ),
        reason: Reason(),
      }),
      response: AuditLine(),
    }),
  }),
  reversePosting: defineRoute({
    id: 'reversePosting',
    method: 'POST',
    path: '/community/:communityId/points/postings/:postingId/reverse',
    summary: '冲正一笔积分记录（反向记账，须填原因）',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityItemParams('postingId'),
      body: z.strictObject({ reason: Reason() }),
      response: AuditLine(),
    }),
  }),
  listAdjustments: defineRoute({
    id: 'listAdjustments',
    method: 'GET',
    path: '/community/:communityId/points/adjustments',
    summary: '手工调整与冲正的审计清单',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ lines: z.array(AuditLine()) }) }),
  }),
  getPointsReport: defineRoute({
    id: 'getPointsReport',
    method: 'GET',
    path: '/community/:communityId/points/report',
    summary: '每月积分发放、兑换与结余（按商户）',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ months: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(24))) }),
      response: z.object({
        months: z.array(MonthFigures()),
        /** Points volunteers hold now: the sum of their account balances. */
        outstanding: z.int(),
      }),
    }),
  }),
  getPointsSettings: defineRoute({
    id: 'getPointsSettings',
    method: 'GET',
    path: '/community/:communityId/points/settings',
    summary: '积分设置',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ pointsPerDelivery: z.int() }) }),
  }),
  updatePointsSettings: defineRoute({
    id: 'updatePointsSettings',
    method: 'PUT',
    path: '/community/:communityId/points/settings',
    summary: '积分设置：每单送餐积分',
    domain: 'points',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({ pointsPerDelivery: z.int().check(z.gte(0), z.lte(1000)) }),
      response: z.object({ pointsPerDelivery: z.int() }),
    }),
  }),
  getVolunteerStars: defineRoute({
    id: 'getVolunteerStars',
    method: 'GET',
    path: '/community/:communityId/volunteer-stars',
    summary: '志愿之星：本月服务时长最多的志愿者',
    domain: 'points',
    roles: ['resident', 'volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ month: z.optional(Month()) }),
      response: z.object({
        month: z.string(),
        stars: z.array(z.object({ rank: z.int(), name: z.string(), minutes: z.int() })),
      }),
    }),
  }),
} as const;
