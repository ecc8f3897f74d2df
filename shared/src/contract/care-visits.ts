/**
 * Grid workers' care visits (网格敲门): staff appoint grid workers (网格员) for grids of their
 * community and set how often each tag is visited; a grid worker sees the people of their grids,
 * elders who live alone or are old first, records visits, and reads the overdue list.
 */
import * as z from 'zod/mini';
import { MEMBER_TAGS } from '../domain/care/tags';
import {
  VISIT_INTERVAL_MAX_DAYS,
  VISIT_INTERVAL_MIN_DAYS,
  VISIT_METHODS,
  VISIT_NOTE_MAX,
  VISIT_OBSERVATIONS,
  VISIT_SIGNAL_KINDS,
} from '../domain/care/visits';
import { Id, IsoTime, communityItemParams, communityParams } from './common';
import { defineRoute, lazy, type Infer } from './route';

const gridParams = lazy(() => communityItemParams('gridId'));
const personParams = lazy(() => communityItemParams('memberId'));

const GridRef = lazy(() => z.object({ gridId: Id(), name: z.string() }));

/** A signal from another feature today: a meal ordered and not picked up, or a delivery missed. */
export const VisitSignal = lazy(() =>
  z.object({ kind: z.enum(VISIT_SIGNAL_KINDS), date: z.string(), meal: z.string(), canteenName: z.string() }),
);
export type VisitSignal = Infer<typeof VisitSignal>;

/** One person of a grid as the grid worker's list shows them. */
export const GridPerson = lazy(() =>
  z.object({
    memberId: Id(),
    name: z.string(),
    age: z.optional(z.int()),
    gridId: Id(),
    gridName: z.string(),
    buildingName: z.string(),
    unitName: z.string(),
    room: z.string(),
    tags: z.array(z.enum(MEMBER_TAGS)),
    /** Has WeChat (a user of their own); otherwise a dependent reached through a caregiver. */
    hasWeChat: z.boolean(),
    /** Days between visits; absent for someone no tag asks to visit. */
    intervalDays: z.optional(z.int()),
    lastVisitAt: z.optional(IsoTime()),
    lastAttemptAt: z.optional(IsoTime()),
    lastMethod: z.optional(z.enum(VISIT_METHODS)),
    lastObservation: z.optional(z.enum(VISIT_OBSERVATIONS)),
    dueAt: z.optional(IsoTime()),
    overdue: z.boolean(),
    overdueDays: z.int().check(z.nonnegative()),
    signals: z.array(VisitSignal()),
  }),
);
export type GridPerson = Infer<typeof GridPerson>;

export const Visit = lazy(() =>
  z.object({
    visitId: Id(),
    memberId: Id(),
    gridId: Id(),
    at: IsoTime(),
    byName: z.string(),
    method: z.enum(VISIT_METHODS),
    observation: z.optional(z.enum(VISIT_OBSERVATIONS)),
    note: z.optional(z.string()),
    /** The need this visit raised (需要帮助 / 紧急), once the needs workflow took it in. */
    needId: z.optional(Id()),
  }),
);
export type Visit = Infer<typeof Visit>;

export const GridPersonCard = lazy(() =>
  z.object({
    person: GridPerson(),
    /** The person's own phone, in full: the grid worker calls it from the card. */
    phone: z.optional(z.string()),
    caregivers: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.optional(z.string()) })),
    visits: z.array(Visit()),
  }),
);
export type GridPersonCard = Infer<typeof GridPersonCard>;

export const GridWorker = lazy(() =>
  z.object({
    userId: Id(),
    memberId: Id(),
    name: z.string(),
    buildingName: z.string(),
    grids: z.array(GridRef()),
    appointedAt: IsoTime(),
    appointedByName: z.string(),
  }),
);
export type GridWorker = Infer<typeof GridWorker>;

const IntervalDays = lazy(() =>
  z
    .int('间隔天数应为整数')
    .check(
      z.minimum(VISIT_INTERVAL_MIN_DAYS, `间隔至少 ${VISIT_INTERVAL_MIN_DAYS} 天`),
      z.maximum(VISIT_INTERVAL_MAX_DAYS, `间隔最多 ${VISIT_INTERVAL_MAX_DAYS} 天`),
    ),
);

/** Days between visits per tag; 独居 and 高龄 default to 7 when not set, other tags are not visited unless set. */
export const VisitIntervals = lazy(() =>
  z.strictObject({
    独居: z.optional(IntervalDays()),
    高龄: z.optional(IntervalDays()),
    低保: z.optional(IntervalDays()),
    残疾: z.optional(IntervalDays()),
  }),
);
export type VisitIntervals = Infer<typeof VisitIntervals>;

export const careVisitRoutes = {
  listGridWorkers: defineRoute({
    id: 'listGridWorkers',
    method: 'GET',
    path: '/community/:communityId/grid-workers',
    summary: '网格员名单、社区网格，以及可任命的已认证居民（有微信）',
    domain: 'grid',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      response: z.object({
        workers: z.array(GridWorker()),
        grids: z.array(GridRef()),
        candidates: z.array(
          z.object({ memberId: Id(), name: z.string(), buildingName: z.string(), unitName: z.string() }),
        ),
      }),
    }),
  }),
  appointGridWorker: defineRoute({
    id: 'appointGridWorker',
    method: 'POST',
    path: '/community/:communityId/grid-workers',
    summary: '任命网格员（或改为负责这些网格）：选择一位有微信的已认证居民',
    domain: 'grid',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        memberId: Id(),
        gridIds: z.array(Id()).check(z.minLength(1, '请至少选择一个网格'), z.maxLength(20, '一次最多负责 20 个网格')),
      }),
      response: GridWorker(),
    }),
  }),
  removeGridWorker: defineRoute({
    id: 'removeGridWorker',
    method: 'POST',
    path: '/community/:communityId/grid-workers/:userId/remove',
    summary: '免去网格员：角色立即收回，对方需重新登录',
    domain: 'grid',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityItemParams('userId'),
      response: z.object({ removed: GridWorker() }),
    }),
  }),
  getVisitIntervals: defineRoute({
    id: 'getVisitIntervals',
    method: 'GET',
    path: '/community/:communityId/visit-intervals',
    summary: '各关怀标签的探访间隔（天）',
    domain: 'grid',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ intervals: VisitIntervals() }) }),
  }),
  updateVisitIntervals: defineRoute({
    id: 'updateVisitIntervals',
    method: 'PUT',
    path: '/community/:communityId/visit-intervals',
    summary: '设置各关怀标签的探访间隔（天）；不填的独居、高龄按 7 天',
    domain: 'grid',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({ intervals: VisitIntervals() }),
      response: z.object({ intervals: VisitIntervals() }),
    }),
  }),
  listMyGrids: defineRoute({
    id: 'listMyGrids',
    method: 'GET',
    path: '/community/:communityId/my-grids',
    summary: '我负责的网格，各有多少人、多少人超期未探访、今天有几条提醒',
    domain: 'grid',
    roles: ['grid', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      response: z.object({
        grids: z.array(
          z.object({
            gridId: Id(),
            name: z.string(),
            people: z.int(),
            overdue: z.int(),
            signals: z.int(),
          }),
        ),
      }),
    }),
  }),
  listGridPeople: defineRoute({
    id: 'listGridPeople',
    method: 'GET',
    path: '/community/:communityId/grids/:gridId/people',
    summary: '网格内的住户：今天有提醒的在最前，独居、高龄老人在前，超期未探访的优先',
    domain: 'grid',
    roles: ['grid', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: gridParams(),
      response: z.object({ grid: GridRef(), people: z.array(GridPerson()) }),
    }),
  }),
  listGridOverdue: defineRoute({
    id: 'listGridOverdue',
    method: 'GET',
    path: '/community/:communityId/grids/:gridId/overdue',
    summary: '网格内超期未探访的老人，等得最久的在前',
    domain: 'grid',
    roles: ['grid', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: gridParams(),
      response: z.object({ grid: GridRef(), people: z.array(GridPerson()) }),
    }),
  }),
  listCommunityOverdue: defineRoute({
    id: 'listCommunityOverdue',
    method: 'GET',
    path: '/community/:communityId/visit-overdue',
    summary: '全社区超期未探访的老人（按网格标注），等得最久的在前',
    domain: 'grid',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ people: z.array(GridPerson()) }) }),
  }),
  getGridPerson: defineRoute({
    id: 'getGridPerson',
    method: 'GET',
    path: '/community/:communityId/grid-people/:memberId',
    summary: '住户卡片：电话、家属、探访记录（只限自己负责的网格）',
    domain: 'grid',
    roles: ['grid', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: personParams(), response: GridPersonCard() }),
  }),
  recordVisit: defineRoute({
    id: 'recordVisit',
    method: 'POST',
    path: '/community/:communityId/grid-people/:memberId/visits',
    summary: '记录一次探访：方式、看到的情况、备注；需要帮助或紧急时同时登记一条需求',
    domain: 'grid',
    roles: ['grid', 'staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: personParams(),
      body: z.strictObject({
        method: z.enum(VISIT_METHODS, '请选择探访方式'),
        observation: z.optional(z.enum(VISIT_OBSERVATIONS, '请选择看到的情况')),
        note: z.optional(z.string().check(z.trim(), z.maxLength(VISIT_NOTE_MAX, `备注最多 ${VISIT_NOTE_MAX} 个字`))),
      }),
      response: Visit(),
    }),
  }),
} as const;
