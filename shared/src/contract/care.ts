/**
 * Neighbourhood care (邻里关怀): 微心愿 posted for residents and claimed by volunteers, neighbours
 * or partner units (共建单位); partner units and their operators; care tags on members.
 */
import * as z from 'zod/mini';
import { WISH_CATEGORIES, WISH_HANDOVERS, WISH_STATES, WISH_TEXT_MAX } from '../domain/care/wish';
import { MEMBER_TAGS } from '../domain/care/tags';
import { Id, IsoTime, InviteCodeBody, communityItemParams, communityParams, timelineEntry, noteUpTo } from './common';
import { PhotoId, PhotoView } from './photos';
import { defineRoute, lazy, type Infer } from './route';

const wishParams = lazy(() => communityItemParams('wishId'));

export const WishStatus = lazy(() => z.enum(WISH_STATES));
export const PARTNER_KINDS = ['企业', '学校', '医院', '机关党支部', '社会组织', '其他'] as const;

const WishText = lazy(() =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(4, '请把心愿写清楚（至少 4 个字）'),
      z.maxLength(WISH_TEXT_MAX, `心愿最多 ${WISH_TEXT_MAX} 个字`),
    ),
);
/** A photo already online (https only); an uploaded one is named by `photoId` instead. Never shown before staff approve and WeChat's check passes. */
const PhotoUrl = lazy(() =>
  z.string().check(z.maxLength(500), z.regex(/^https:\/\/\S+$/, '图片地址应以 https:// 开头')),
);

const ClaimerView = lazy(() => z.object({ kind: z.enum(['volunteer', 'resident', 'partner']), name: z.string() }));

/** A wish as its viewer may see it: the wisher masked (「6号楼 刘**」) for anyone but their side and staff. */
export const Wish = lazy(() =>
  z.object({
    wishId: Id(),
    communityId: Id(),
    text: z.string(),
    category: z.enum(WISH_CATEGORIES),
    handover: z.enum(WISH_HANDOVERS),
    status: WishStatus(),
    /** 「6号楼 刘**」 on the wall; the full name for the wisher's side and staff. */
    wisherName: z.string(),
    /** Wishes of people tagged 低保/独居/残疾 come first. */
    priority: z.boolean(),
    /** The wish's photo: to the wall only when approved and passed; the wisher's side and staff see its check. */
    photo: z.optional(PhotoView()),
    /** Set when someone else entered it: a caregiver (家属代办) or staff (工作人员代为登记). */
    recordedVia: z.optional(z.enum(['caregiver', 'staff'])),
    /** Offered to every claimer, or to one partner unit (定向认领). */
    offeredTo: z.object({ kind: z.enum(['all', 'partner']), partnerName: z.optional(z.string()) }),
    claimer: z.optional(ClaimerView()),
    claimedAt: z.optional(IsoTime()),
    deliveryNote: z.optional(z.string()),
    /** The claimer's photo of the handover, seen like the wish's photo (the claimer is one of its owners). */
    deliveryPhoto: z.optional(PhotoView()),
    createdAt: IsoTime(),
    statusAt: IsoTime(),
    fulfilledAt: z.optional(IsoTime()),
  }),
);
export type Wish = Infer<typeof Wish>;

export const WishTimelineEntry = lazy(() =>
  timelineEntry(WishStatus, ['resident', 'caregiver', 'staff', 'volunteer', 'partner']),
);
export type WishTimelineEntry = Infer<typeof WishTimelineEntry>;

export const WishDetail = lazy(() =>
  z.object({
    wish: Wish(),
    timeline: z.array(WishTimelineEntry()),
    mine: z.object({
      isWisher: z.boolean(),
      isClaimer: z.boolean(),
      canClaim: z.boolean(),
      canRelease: z.boolean(),
      canDeliver: z.boolean(),
      canConfirm: z.boolean(),
      canWithdraw: z.boolean(),
    }),
    /** Only to the current claimer of a 上门送达 wish, and staff: where to bring it. Never a phone. */
    handoverAddress: z.optional(z.string()),
  }),
);
export type WishDetail = Infer<typeof WishDetail>;

export const WishQueueRow = lazy(() => z.object({ wish: Wish(), waitingDays: z.int(), overdue: z.boolean() }));

export const ClaimerFigure = lazy(() =>
  z.object({
    kind: z.enum(['volunteer', 'resident', 'partner']),
    claimerId: z.string(),
    name: z.string(),
    claimed: z.int(),
    fulfilled: z.int(),
  }),
);

export const WishOverview = lazy(() =>
  z.object({
    year: z.int(),
    counts: z.object({
      pending_review: z.int(),
      open: z.int(),
      claimed: z.int(),
      delivered: z.int(),
      fulfilled: z.int(),
    }),
    overdueDays: z.int(),
    /** Claimed and not delivered within overdueDays, oldest claim first. */
    overdue: z.array(WishQueueRow()),
    /** This year's claims and fulfilments per claimer; partner units first (the report's 认领 424 / 圆梦 515). */
    claimers: z.array(ClaimerFigure()),
  }),
);
export type WishOverview = Infer<typeof WishOverview>;

export const CareSettings = lazy(() =>
  z.strictObject({
    overdueDays: z.int('请填写天数').check(z.gte(1, '至少 1 天'), z.lte(60, '最多 60 天')),
    pointsPerWish: z.int('请填写积分').check(z.gte(0, '积分不能为负'), z.lte(1000, '最多 1000 分')),
  }),
);
export type CareSettings = Infer<typeof CareSettings>;

export const PartnerUnit = lazy(() =>
  z.object({
    partnerId: Id(),
    name: z.string(),
    kind: z.enum(PARTNER_KINDS),
    /** Staff only, while unused. */
    inviteCode: z.optional(z.string()),
    operatorBound: z.boolean(),
  }),
);
export type PartnerUnit = Infer<typeof PartnerUnit>;

export const TaggedMember = lazy(() =>
  z.object({
    memberId: Id(),
    realName: z.string(),
    buildingName: z.string(),
    unitName: z.string(),
    tags: z.array(z.enum(MEMBER_TAGS)),
  }),
);
export type TaggedMember = Infer<typeof TaggedMember>;

const wishResponse = lazy(() => Wish());
const wishList = lazy(() => z.object({ wishes: z.array(Wish()) }));
const claimerRoles = ['resident', 'volunteer', 'partner'] as const;
const readerRoles = ['resident', 'volunteer', 'partner', 'staff'] as const;

export const careRoutes = {
  postWish: defineRoute({
    id: 'postWish',
    method: 'POST',
    path: '/community/:communityId/wishes',
    summary: '许下微心愿（家属可代老人，工作人员可代没有微信的居民），社区审核后上心愿墙',
    domain: 'care',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        text: WishText(),
        category: z.enum(WISH_CATEGORIES, '请选择心愿类别'),
        handover: z.enum(WISH_HANDOVERS, '请选择送达方式'),
        /** The wisher agrees to show their building and family name (「6号楼 刘**」), else 「一位邻居」. */
        showBuilding: z.boolean('请选择心愿墙上的称呼'),
        photoUrl: z.optional(PhotoUrl()),
        /** A photo the caller uploaded for this (purpose `wish`). */
        photoId: z.optional(PhotoId()),
      }),
      response: wishResponse(),
    }),
  }),
  listMyWishes: defineRoute({
    id: 'listMyWishes',
    method: 'GET',
    path: '/me/wishes',
    summary: '我（或代办家人）的微心愿',
    domain: 'care',
    roles: ['resident', 'staff'],
    scope: 'none',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ response: wishList() }),
  }),
  getWishWall: defineRoute({
    id: 'getWishWall',
    method: 'GET',
    path: '/community/:communityId/wish-wall',
    summary: '心愿墙：待认领、已认领和已圆梦的心愿（只显示「6号楼 刘**」）',
    domain: 'care',
    roles: readerRoles,
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      response: z.object({
        wishes: z.array(Wish()),
        /** The wishes the caller may claim now (open, offered to them, not their own): the wall offers 认领 on these only. */
        claimable: z.array(Id()),
      }),
    }),
  }),
  getWish: defineRoute({
    id: 'getWish',
    method: 'GET',
    path: '/community/:communityId/wishes/:wishId',
    summary: '心愿详情与进程',
    domain: 'care',
    roles: readerRoles,
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ params: wishParams(), response: WishDetail() }),
  }),
  listMyClaims: defineRoute({
    id: 'listMyClaims',
    method: 'GET',
    path: '/community/:communityId/my-claims',
    summary: '我（或我的共建单位）认领的心愿',
    domain: 'care',
    roles: claimerRoles,
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: wishList() }),
  }),
  claimWish: defineRoute({
    id: 'claimWish',
    method: 'POST',
    path: '/community/:communityId/wishes/:wishId/claim',
    summary: '认领心愿（一个心愿只由一位认领人认领）',
    domain: 'care',
    roles: claimerRoles,
    scope: 'community',
    idempotent: true,
    schemas: () => ({ params: wishParams(), response: wishResponse() }),
  }),
  releaseWish: defineRoute({
    id: 'releaseWish',
    method: 'POST',
    path: '/community/:communityId/wishes/:wishId/release',
    summary: '放弃认领（送达前），心愿回到心愿墙',
    domain: 'care',
    roles: claimerRoles,
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: wishParams(),
      body: z.strictObject({ reason: z.optional(noteUpTo(200, '原因')) }),
      response: wishResponse(),
    }),
  }),
  deliverWish: defineRoute({
    id: 'deliverWish',
    method: 'POST',
    path: '/community/:communityId/wishes/:wishId/deliver',
    summary: '认领人标记已送达（附说明，可附照片）',
    domain: 'care',
    roles: claimerRoles,
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: wishParams(),
      body: z.strictObject({
        note: z.string().check(z.trim(), z.minLength(2, '请写一句送达说明'), z.maxLength(200, '说明最多 200 个字')),
        photoUrl: z.optional(PhotoUrl()),
        /** A photo the claimer uploaded for this (purpose `wishDelivery`). */
        photoId: z.optional(PhotoId()),
      }),
      response: wishResponse(),
    }),
  }),
  confirmWish: defineRoute({
    id: 'confirmWish',
    method: 'POST',
    path: '/community/:communityId/wishes/:wishId/confirm',
    summary: '确认心愿已圆梦（本人、代办家属或工作人员）；志愿者认领的按社区设置计积分',
    domain: 'care',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({ params: wishParams(), response: wishResponse() }),
  }),
  withdrawWish: defineRoute({
    id: 'withdrawWish',
    method: 'POST',
    path: '/community/:communityId/wishes/:wishId/withdraw',
    summary: '撤回心愿（认领前）',
    domain: 'care',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({ params: wishParams(), response: wishResponse() }),
  }),
  listWishQueue: defineRoute({
    id: 'listWishQueue',
    method: 'GET',
    path: '/community/:communityId/wish-queue',
    summary: '心愿审核与办理队列（优先对象在前，最早的在前）',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({
        status: z.optional(z.enum(['pending_review', 'open', 'claimed', 'delivered', 'fulfilled'])),
      }),
      response: z.object({ rows: z.array(WishQueueRow()) }),
    }),
  }),
  approveWish: defineRoute({
    id: 'approveWish',
    method: 'POST',
    path: '/community/:communityId/wishes/:wishId/approve',
    summary: '审核通过（可为保护隐私修改措辞，可定向给一个共建单位）',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: wishParams(),
      body: z.strictObject({
        text: z.optional(WishText()),
        partnerId: z.optional(Id()),
        note: z.optional(noteUpTo(200, '备注')),
      }),
      response: wishResponse(),
    }),
  }),
  declineWish: defineRoute({
    id: 'declineWish',
    method: 'POST',
    path: '/community/:communityId/wishes/:wishId/decline',
    summary: '不予发布（须说明原因）',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: wishParams(),
      body: z.strictObject({
        reason: z.string().check(z.trim(), z.minLength(4, '请说明原因'), z.maxLength(200, '原因最多 200 个字')),
      }),
      response: wishResponse(),
    }),
  }),
  getWishOverview: defineRoute({
    id: 'getWishOverview',
    method: 'GET',
    path: '/community/:communityId/wish-overview',
    summary: '微心愿总览：各状态数量、超期未送达、认领人和共建单位的年度认领与圆梦数',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ year: z.optional(z.string().check(z.regex(/^\d{4}$/, '年份应为四位数字'))) }),
      response: WishOverview(),
    }),
  }),
  getCareSettings: defineRoute({
    id: 'getCareSettings',
    method: 'GET',
    path: '/community/:communityId/care-settings',
    summary: '关怀设置：认领后几天未送达算超期、志愿者圆梦一个心愿的积分',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: CareSettings() }),
  }),
  updateCareSettings: defineRoute({
    id: 'updateCareSettings',
    method: 'PUT',
    path: '/community/:communityId/care-settings',
    summary: '修改关怀设置',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({ params: communityParams(), body: CareSettings(), response: CareSettings() }),
  }),
  createPartnerUnit: defineRoute({
    id: 'createPartnerUnit',
    method: 'POST',
    path: '/community/:communityId/partner-units',
    summary: '登记共建单位（生成经办人绑定用的邀请码）',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        name: z.string().check(z.trim(), z.minLength(2, '请填写单位名称'), z.maxLength(40, '名称最多 40 个字')),
        kind: z.enum(PARTNER_KINDS, '请选择单位类型'),
      }),
      response: PartnerUnit(),
    }),
  }),
  listPartnerUnits: defineRoute({
    id: 'listPartnerUnits',
    method: 'GET',
    path: '/community/:communityId/partner-units',
    summary: '本社区的共建单位',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ partners: z.array(PartnerUnit()) }) }),
  }),
  bindPartnerUnit: defineRoute({
    id: 'bindPartnerUnit',
    method: 'POST',
    path: '/partner-bindings',
    summary: '共建单位经办人用邀请码绑定单位',
    domain: 'care',
    roles: 'authenticated',
    scope: 'none',
    idempotent: true,
    schemas: () => ({
      body: InviteCodeBody(),
      response: z.object({ communityId: Id(), partnerId: Id(), partnerName: z.string() }),
    }),
  }),
  listTaggedMembers: defineRoute({
    id: 'listTaggedMembers',
    method: 'GET',
    path: '/community/:communityId/member-tags',
    summary: '有关怀标签（独居、高龄、低保、残疾）的居民',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ members: z.array(TaggedMember()) }) }),
  }),
  setMemberTags: defineRoute({
    id: 'setMemberTags',
    method: 'PUT',
    path: '/community/:communityId/members/:memberId/tags',
    summary: '设置居民的关怀标签',
    domain: 'care',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityItemParams('memberId'),
      body: z.strictObject({ tags: z.array(z.enum(MEMBER_TAGS, '未知的标签')).check(z.maxLength(4)) }),
      response: TaggedMember(),
    }),
  }),
} as const;
