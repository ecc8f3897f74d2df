import * as z from 'zod/mini';
import { AGENDA_CATEGORIES, AGENDA_STATES, DESCRIPTION_MAX, TITLE_MAX } from '../domain/agenda/state';
import { Id, IsoTime, communityItemParams, communityParams, noteUpTo, timelineEntry } from './common';
import { defineRoute, lazy, type Infer } from './route';

const topicParams = lazy(() => communityItemParams('topicId'));

export const TopicStatus = lazy(() => z.enum(AGENDA_STATES));
export type TopicStatus = Infer<typeof TopicStatus>;

const Tally = lazy(() =>
  z.strictObject({
    for: z.int().check(z.gte(0), z.lte(100_000)),
    against: z.int().check(z.gte(0), z.lte(100_000)),
    abstain: z.int().check(z.gte(0), z.lte(100_000)),
  }),
);

const ActionItemInput = lazy(() =>
  z.strictObject({
    title: z.string().check(z.trim(), z.minLength(2, '请填写要做的事'), z.maxLength(60, '行动项最多 60 个字')),
    owner: z.string().check(z.trim(), z.minLength(1, '请填写负责人'), z.maxLength(30, '负责人最多 30 个字')),
    /** Due date in Shanghai, yyyy-mm-dd. */
    due: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择完成日期')),
  }),
);

/** A text's moderation state: `held` waits for staff review, `hidden` was taken down by staff. */
export const Moderation = lazy(() => z.object({ state: z.enum(['held', 'hidden']), reason: z.string() }));

/** One agenda item (议题) as people see it. */
export const Topic = lazy(() =>
  z.object({
    topicId: Id(),
    communityId: Id(),
    title: z.string(),
    description: z.string(),
    category: z.enum(AGENDA_CATEGORIES),
    scope: z.object({ kind: z.enum(['community', 'building']), buildingId: z.optional(z.string()) }),
    /** 全社区 or the building's name. */
    scopeLabel: z.string(),
    status: TopicStatus(),
    /** Who raised it; neighbours see the name masked (王*芳). */
    authorName: z.string(),
    /** Set when someone else entered it: a caregiver (家属代办) or staff (由工作人员代为登记). */
    recordedBy: z.optional(z.object({ name: z.string(), via: z.enum(['caregiver', 'staff']) })),
    cosignCount: z.int().check(z.nonnegative()),
    ratingCount: z.int().check(z.nonnegative()),
    averageRating: z.optional(z.number()),
    session: z.optional(z.object({ sessionId: Id(), title: z.string(), startsAt: IsoTime() })),
    mergedInto: z.optional(z.object({ topicId: Id(), title: z.string() })),
    decision: z.optional(z.object({ text: z.string(), tally: z.optional(Tally()) })),
    actions: z.array(z.object({ title: z.string(), owner: z.string(), due: z.string() })),
    createdAt: IsoTime(),
    /** When it entered its current status. */
    statusAt: IsoTime(),
    doneAt: z.optional(IsoTime()),
    /** The need (求助) it was raised from, when staff turned one into a topic. */
    fromNeedId: z.optional(Id()),
    /** Held for staff after WeChat's content check, or hidden by staff, with the reason. */
    moderation: z.optional(Moderation()),
  }),
);
export type Topic = Infer<typeof Topic>;

/** One step of a topic's life: who, when, from → to, and a note. */
export const TimelineEntry = lazy(() => timelineEntry(TopicStatus, ['resident', 'caregiver', 'staff']));
export type TimelineEntry = Infer<typeof TimelineEntry>;

export const TopicRating = lazy(() =>
  z.object({
    stars: z.int(),
    comment: z.optional(z.string()),
    byName: z.string(),
    at: IsoTime(),
    /** Staff only: who rated, to release or hide the comment. */
    memberId: z.optional(Id()),
    moderation: z.optional(Moderation()),
  }),
);

export const TopicDetail = lazy(() =>
  z.object({
    topic: Topic(),
    timeline: z.array(TimelineEntry()),
    /** What the caller (or the member acted for) did and may do. */
    mine: z.object({
      isAuthor: z.boolean(),
      cosigned: z.boolean(),
      rating: z.optional(z.int()),
      canWithdraw: z.boolean(),
      canCosign: z.boolean(),
      canRate: z.boolean(),
    }),
    ratings: z.array(TopicRating()),
  }),
);
export type TopicDetail = Infer<typeof TopicDetail>;

/** A review-queue row: the topic, how long it has waited, and whether that is too long (> 3 days). */
export const QueueRow = lazy(() => z.object({ topic: Topic(), waitingDays: z.int(), overdue: z.boolean() }));
export type QueueRow = Infer<typeof QueueRow>;

const topicResponse = lazy(() => Topic());
const topicList = lazy(() => z.object({ topics: z.array(Topic()) }));

/** Fields of a staff action that only moves the topic on, with an optional note. */
const noteBody = lazy(() => z.strictObject({ note: z.optional(noteUpTo(500, '备注')) }));

export const agendaRoutes = {
  submitTopic: defineRoute({
    id: 'submitTopic',
    method: 'POST',
    path: '/community/:communityId/topics',
    summary: '提出议题（家属可代老人提出，工作人员可代居民登记）',
    domain: 'agenda',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        title: z
          .string()
          .check(z.trim(), z.minLength(4, '标题至少 4 个字'), z.maxLength(TITLE_MAX, `标题最多 ${TITLE_MAX} 个字`)),
        description: z
          .string()
          .check(
            z.trim(),
            z.minLength(10, '请把情况说得具体一些（至少 10 个字）'),
            z.maxLength(DESCRIPTION_MAX, `描述最多 ${DESCRIPTION_MAX} 个字`),
          ),
        category: z.enum(AGENDA_CATEGORIES, '请选择分类'),
        scope: z.enum(['building', 'community'], '请选择范围'),
      }),
      response: topicResponse(),
    }),
  }),
  listOpenTopics: defineRoute({
    id: 'listOpenTopics',
    method: 'GET',
    path: '/community/:communityId/topics',
    summary: '正在征集附议的议题（居民只看到本楼栋和全社区的）',
    domain: 'agenda',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ params: communityParams(), response: topicList() }),
  }),
  getTopic: defineRoute({
    id: 'getTopic',
    method: 'GET',
    path: '/community/:communityId/topics/:topicId',
    summary: '议题详情与办理进程',
    domain: 'agenda',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ params: topicParams(), response: TopicDetail() }),
  }),
  withdrawTopic: defineRoute({
    id: 'withdrawTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/withdraw',
    summary: '撤回议题（仅提出人或为其代办的人，审核前）',
    domain: 'agenda',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({ params: topicParams(), response: topicResponse() }),
  }),
  cosignTopic: defineRoute({
    id: 'cosignTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/cosign',
    summary: '附议（每人一次；可为代办的居民附议）',
    domain: 'agenda',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({ params: topicParams(), response: topicResponse() }),
  }),
  rateTopic: defineRoute({
    id: 'rateTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/rating',
    summary: '评价办理结果（1–5 星，每人一次）',
    domain: 'agenda',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({
      params: topicParams(),
      body: z.strictObject({
        stars: z.int('请选择星级').check(z.gte(1, '评分应为 1 到 5 颗星'), z.lte(5, '评分应为 1 到 5 颗星')),
        comment: z.optional(z.string().check(z.trim(), z.maxLength(200, '评价最多 200 个字'))),
      }),
      response: topicResponse(),
    }),
  }),
  listMyTopics: defineRoute({
    id: 'listMyTopics',
    method: 'GET',
    path: '/me/topics',
    summary: '我提出的议题',
    domain: 'agenda',
    roles: ['resident', 'staff'],
    scope: 'none',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ response: topicList() }),
  }),
  getTopicBoard: defineRoute({
    id: 'getTopicBoard',
    method: 'GET',
    path: '/community/:communityId/topic-board',
    summary: '晒事栏：已办结的议题、决定、行动与评价',
    domain: 'agenda',
    roles: ['resident', 'volunteer', 'merchant', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: topicList() }),
  }),
  listSessionTopics: defineRoute({
    id: 'listSessionTopics',
    method: 'GET',
    path: '/community/:communityId/sessions/:sessionId/topics',
    summary: '议事会的议程（安排进这场会的议题）',
    domain: 'agenda',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityItemParams('sessionId'),
      response: topicList(),
    }),
  }),
  listTopicQueue: defineRoute({
    id: 'listTopicQueue',
    method: 'GET',
    path: '/community/:communityId/topic-queue',
    summary: '议题办理队列（最早的在前；待审核超过 3 天的标出），附回复模板',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({
        status: z.optional(z.enum(['submitted', 'approved', 'scheduled', 'decided', 'in_progress', 'done'])),
      }),
      response: z.object({
        rows: z.array(QueueRow()),
        templates: z.object({ reject: z.array(z.string()), merge: z.array(z.string()) }),
      }),
    }),
  }),
  approveTopic: defineRoute({
    id: 'approveTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/approve',
    summary: '审核通过',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({ params: topicParams(), body: noteBody(), response: topicResponse() }),
  }),
  rejectTopic: defineRoute({
    id: 'rejectTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/reject',
    summary: '不予受理（须说明原因）',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: topicParams(),
      body: z.strictObject({
        reason: z.string().check(z.trim(), z.minLength(4, '请说明原因'), z.maxLength(500, '原因最多 500 个字')),
      }),
      response: topicResponse(),
    }),
  }),
  mergeTopic: defineRoute({
    id: 'mergeTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/merge',
    summary: '并入已有议题（附议人一并计入）',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: topicParams(),
      body: z.strictObject({
        intoTopicId: Id(),
        note: z.optional(noteUpTo(500, '备注')),
      }),
      response: topicResponse(),
    }),
  }),
  scheduleTopic: defineRoute({
    id: 'scheduleTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/schedule',
    summary: '安排进一场议事会',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({ params: topicParams(), body: z.strictObject({ sessionId: Id() }), response: topicResponse() }),
  }),
  decideTopic: defineRoute({
    id: 'decideTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/decision',
    summary: '记录议事决定（可附表决结果）',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: topicParams(),
      body: z.strictObject({
        text: z.string().check(z.trim(), z.minLength(4, '请填写决定内容'), z.maxLength(1000, '决定最多 1000 个字')),
        tally: z.optional(Tally()),
      }),
      response: topicResponse(),
    }),
  }),
  addTopicActions: defineRoute({
    id: 'addTopicActions',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/actions',
    summary: '添加行动项（负责人、完成日期）；第一次添加即开始办理',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: topicParams(),
      body: z.strictObject({
        actions: z.array(ActionItemInput()).check(z.minLength(1, '请至少填写一项'), z.maxLength(20)),
      }),
      response: topicResponse(),
    }),
  }),
  progressTopic: defineRoute({
    id: 'progressTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/progress',
    summary: '更新办理进展',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: topicParams(),
      body: z.strictObject({
        note: z.string().check(z.trim(), z.minLength(2, '请填写进展'), z.maxLength(500, '进展最多 500 个字')),
      }),
      response: topicResponse(),
    }),
  }),
  finishTopic: defineRoute({
    id: 'finishTopic',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/done',
    summary: '办结（上晒事栏，居民可评价）',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({ params: topicParams(), body: noteBody(), response: topicResponse() }),
  }),
  releaseTopicText: defineRoute({
    id: 'releaseTopicText',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/release',
    summary: '内容复核通过：放行被微信内容安全检测暂扣的议题或评价',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: topicParams(),
      body: z.strictObject({ ratingMemberId: z.optional(Id()) }),
      response: topicResponse(),
    }),
  }),
  hideTopicText: defineRoute({
    id: 'hideTopicText',
    method: 'POST',
    path: '/community/:communityId/topics/:topicId/hide',
    summary: '隐藏已发布的议题内容或评价（须说明原因）',
    domain: 'agenda',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: topicParams(),
      body: z.strictObject({
        ratingMemberId: z.optional(Id()),
        reason: z.string().check(z.trim(), z.minLength(2, '请说明隐藏原因'), z.maxLength(200, '原因最多 200 个字')),
      }),
      response: topicResponse(),
    }),
  }),
} as const;
