/**
 * Needs (居民点单 → 社区派单 → 接单 → 反馈): a resident's request (also for a dependent, 代办),
 * a phone call staff enter, or a grid visit; staff or the grid worker dispatch it to a
 * volunteer, a partner unit (共建单位) or a staff member with a due time; the assignee accepts or
 * declines, does it, and the resident rates it 1–5. A need can become an agenda topic (议题).
 */
import * as z from 'zod/mini';
import { NEED_CATEGORIES, NEED_NOTE_MAX, NEED_STATES, NEED_TEXT_MAX, NEED_URGENCIES } from '../domain/care/need';
import { AGENDA_CATEGORIES } from '../domain/agenda/state';
import { Id, IsoTime, communityItemParams, communityParams, timelineEntry } from './common';
import { defineRoute, lazy, type Infer } from './route';

const needParams = lazy(() => communityItemParams('needId'));

export const NeedStatus = lazy(() => z.enum(NEED_STATES));
const AssigneeKind = lazy(() => z.enum(['volunteer', 'partner', 'staff']));

const NeedText = lazy(() =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(4, '请把需要的帮助写清楚（至少 4 个字）'),
      z.maxLength(NEED_TEXT_MAX, `求助内容最多 ${NEED_TEXT_MAX} 个字`),
    ),
);
const Note = (min: number, label: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(min, `请填写${label}`),
      z.maxLength(NEED_NOTE_MAX, `${label}最多 ${NEED_NOTE_MAX} 个字`),
    );

/** A need as its viewer may see it: the person as 「6号楼 刘**」 for assignees, in full for their side and staff. */
export const Need = lazy(() =>
  z.object({
    needId: Id(),
    communityId: Id(),
    text: z.string(),
    category: z.enum(NEED_CATEGORIES),
    urgency: z.enum(NEED_URGENCIES),
    status: NeedStatus(),
    source: z.enum(['resident', 'visit', 'phone']),
    /** 「6号楼 刘**」: the person the need concerns. */
    personLabel: z.string(),
    /** Set when someone else entered it: a caregiver (家属代办), staff (电话登记) or the grid worker. */
    recordedBy: z.optional(z.object({ name: z.string(), role: z.enum(['caregiver', 'staff', 'grid']) })),
    gridId: z.optional(z.string()),
    dueAt: IsoTime(),
    overdue: z.boolean(),
    assignee: z.optional(z.object({ kind: AssigneeKind(), id: z.string(), name: z.string() })),
    doneNote: z.optional(z.string()),
    doneAt: z.optional(IsoTime()),
    stars: z.optional(z.int()),
    ratingComment: z.optional(z.string()),
    topicId: z.optional(Id()),
    createdAt: IsoTime(),
    statusAt: IsoTime(),
  }),
);
export type Need = Infer<typeof Need>;

export const NeedTimelineEntry = lazy(() =>
  timelineEntry(NeedStatus, ['resident', 'caregiver', 'staff', 'grid', 'volunteer', 'partner']),
);
export type NeedTimelineEntry = Infer<typeof NeedTimelineEntry>;

export const NeedDetail = lazy(() =>
  z.object({
    need: Need(),
    timeline: z.array(NeedTimelineEntry()),
    mine: z.object({
      isRequester: z.boolean(),
      isAssignee: z.boolean(),
      canDispatch: z.boolean(),
      canAccept: z.boolean(),
      canDecline: z.boolean(),
      canFinish: z.boolean(),
      canRate: z.boolean(),
      canCancel: z.boolean(),
      canRefer: z.boolean(),
    }),
    /** Only to staff, the grid worker and the assignee once accepted: where to go. Never a phone. */
    address: z.optional(z.string()),
  }),
);
export type NeedDetail = Infer<typeof NeedDetail>;

export const NeedAssigneeOption = lazy(() => z.object({ kind: AssigneeKind(), id: z.string(), name: z.string() }));
export type NeedAssigneeOption = Infer<typeof NeedAssigneeOption>;

const needResponse = lazy(() => Need());
const needList = lazy(() => z.object({ needs: z.array(Need()) }));
const staffRoles = ['staff', 'grid'] as const;
const assigneeRoles = ['volunteer', 'partner', 'staff'] as const;

export const careNeedRoutes = {
  postNeed: defineRoute({
    id: 'postNeed',
    method: 'POST',
    path: '/community/:communityId/needs',
    summary: '我要求助（家属可代老人；工作人员可登记电话求助）',
    domain: 'grid',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        text: NeedText(),
        category: z.enum(NEED_CATEGORIES, '请选择求助类别'),
        urgency: z.enum(NEED_URGENCIES, '请选择是否紧急'),
      }),
      response: needResponse(),
    }),
  }),
  listMyNeeds: defineRoute({
    id: 'listMyNeeds',
    method: 'GET',
    path: '/me/needs',
    summary: '我（或代办家人）的求助',
    domain: 'grid',
    roles: ['resident', 'staff'],
    scope: 'none',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ response: needList() }),
  }),
  listNeedBoard: defineRoute({
    id: 'listNeedBoard',
    method: 'GET',
    path: '/community/:communityId/need-board',
    summary: '求助派单台：超期的在前，再按紧急和时限（网格员只看本网格）',
    domain: 'grid',
    roles: staffRoles,
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ status: z.optional(z.enum([...NEED_STATES, 'open'])) }),
      response: needList(),
    }),
  }),
  listNeedAssignees: defineRoute({
    id: 'listNeedAssignees',
    method: 'GET',
    path: '/community/:communityId/need-assignees',
    summary: '可派单对象：志愿者、共建单位、工作人员',
    domain: 'grid',
    roles: staffRoles,
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ options: z.array(NeedAssigneeOption()) }) }),
  }),
  listMyNeedTasks: defineRoute({
    id: 'listMyNeedTasks',
    method: 'GET',
    path: '/community/:communityId/my-need-tasks',
    summary: '我的任务：派给我（或我的共建单位）的求助',
    domain: 'grid',
    roles: assigneeRoles,
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: needList() }),
  }),
  getNeed: defineRoute({
    id: 'getNeed',
    method: 'GET',
    path: '/community/:communityId/needs/:needId',
    summary: '求助详情与进程',
    domain: 'grid',
    roles: ['resident', 'volunteer', 'partner', 'staff', 'grid'],
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ params: needParams(), response: NeedDetail() }),
  }),
  dispatchNeed: defineRoute({
    id: 'dispatchNeed',
    method: 'POST',
    path: '/community/:communityId/needs/:needId/dispatch',
    summary: '派单：派给志愿者、共建单位或工作人员，并定完成时限',
    domain: 'grid',
    roles: staffRoles,
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: needParams(),
      body: z.strictObject({
        assignee: z.strictObject({ kind: z.enum(['volunteer', 'partner', 'staff'], '请选择派给谁'), id: Id() }),
        dueAt: z.iso.datetime('请选择完成时限'),
        note: z.optional(z.string().check(z.trim(), z.maxLength(NEED_NOTE_MAX, `备注最多 ${NEED_NOTE_MAX} 个字`))),
      }),
      response: needResponse(),
    }),
  }),
  acceptNeed: defineRoute({
    id: 'acceptNeed',
    method: 'POST',
    path: '/community/:communityId/needs/:needId/accept',
    summary: '接单',
    domain: 'grid',
    roles: assigneeRoles,
    scope: 'community',
    idempotent: true,
    schemas: () => ({ params: needParams(), response: needResponse() }),
  }),
  declineNeed: defineRoute({
    id: 'declineNeed',
    method: 'POST',
    path: '/community/:communityId/needs/:needId/decline',
    summary: '退单（须说明原因），求助回到待派单',
    domain: 'grid',
    roles: assigneeRoles,
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: needParams(),
      body: z.strictObject({ reason: Note(2, '退单原因') }),
      response: needResponse(),
    }),
  }),
  finishNeed: defineRoute({
    id: 'finishNeed',
    method: 'POST',
    path: '/community/:communityId/needs/:needId/finish',
    summary: '办结（写一句办理情况）',
    domain: 'grid',
    roles: assigneeRoles,
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: needParams(),
      body: z.strictObject({ note: Note(2, '办理情况') }),
      response: needResponse(),
    }),
  }),
  rateNeed: defineRoute({
    id: 'rateNeed',
    method: 'POST',
    path: '/community/:communityId/needs/:needId/rate',
    summary: '评价（1–5 星，本人、代办家属或工作人员）',
    domain: 'grid',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({
      params: needParams(),
      body: z.strictObject({
        stars: z.int('请选择星级').check(z.gte(1, '最少 1 星'), z.lte(5, '最多 5 星')),
        comment: z.optional(z.string().check(z.trim(), z.maxLength(NEED_NOTE_MAX, `评价最多 ${NEED_NOTE_MAX} 个字`))),
      }),
      response: needResponse(),
    }),
  }),
  cancelNeed: defineRoute({
    id: 'cancelNeed',
    method: 'POST',
    path: '/community/:communityId/needs/:needId/cancel',
    summary: '取消求助（办结前）',
    domain: 'grid',
    roles: ['resident', 'staff'],
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({
      params: needParams(),
      body: z.strictObject({ reason: z.optional(z.string().check(z.trim(), z.maxLength(NEED_NOTE_MAX))) }),
      response: needResponse(),
    }),
  }),
  referNeedToAgenda: defineRoute({
    id: 'referNeedToAgenda',
    method: 'POST',
    path: '/community/:communityId/needs/:needId/agenda-topic',
    summary: '转为议题：需要居民议事会商量的求助，生成议题并互相关联',
    domain: 'grid',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: needParams(),
      body: z.strictObject({
        title: z.string().check(z.trim(), z.minLength(4, '请填写议题标题'), z.maxLength(50, '标题最多 50 个字')),
        category: z.enum(AGENDA_CATEGORIES, '请选择议题类别'),
      }),
      response: z.object({ need: Need(), topicId: Id() }),
    }),
  }),
} as const;
