/**
 * The demo needs (求助): one in each state of the loop — an urgent overdue one waiting for a
 * dispatcher, one dispatched to the demo volunteer (张伟, `dev:volunteer`), one the clinic
 * (partner unit) accepted, one done waiting for a rating, one rated 4 stars — each with the
 * timeline and member link the API would have written. Dated from `now`.
 */
import { initialDueAt, type NeedStatus } from '../../shared/src/domain/care/need';
import { memberNeedItem, needItem, needTimelineItem } from '../../functions/src/care/need-items';
import type { NeedRecord, NeedTimelineRecord } from '../../functions/src/care/need-records';
import { DEMO_CLINIC } from './seed-wishes';
import { DEMO_COMMUNITY_ID } from './seed-data';

const C = DEMO_COMMUNITY_ID;
const VOLUNTEER = { kind: 'volunteer' as const, id: 'u-volunteer', name: '张伟' };
const CLINIC = { kind: 'partner' as const, id: DEMO_CLINIC.partnerId, name: DEMO_CLINIC.name };

const WANG = {
  name: '王桂芳',
  memberId: 'm-wang-guifang',
  label: '1号楼 王**',
  userId: 'u-resident',
  buildingId: 'b1',
  gridId: 'grid-1',
};
const LIU = {
  name: '刘淑珍',
  memberId: 'm-liu-shuzhen',
  label: '6号楼 刘**',
  userId: 'u-elder',
  buildingId: 'b6',
  gridId: 'grid-2',
};

interface Demo {
  id: string;
  person: typeof WANG;
  text: string;
  category: NeedRecord['category'];
  urgency: NeedRecord['urgency'];
  source: NeedRecord['source'];
  hoursAgo: number;
  /** The steps after 待派单, each hours after the one before. */
  steps: { to: NeedStatus; by: [string, string, NeedTimelineRecord['byRole']]; note?: string }[];
  extra?: Partial<NeedRecord>;
}

const STAFF: [string, string, 'staff'] = ['u-staff', '刘晶', 'staff'];
const VOL: [string, string, 'volunteer'] = ['u-volunteer', '张伟', 'volunteer'];

const DEMOS: Demo[] = [
  {
    id: 'need-demo-1',
    person: LIU,
    text: '独居老人家中水管漏水，地面湿滑',
    category: '维修报修',
    urgency: 'urgent',
    source: { kind: 'phone' },
    hoursAgo: 6,
    steps: [],
  },
  {
    id: 'need-demo-2',
    person: WANG,
    text: '楼道灯坏了，晚上看不见台阶',
    category: '环境设施',
    urgency: 'normal',
    source: { kind: 'resident' },
    hoursAgo: 20,
    steps: [{ to: 'dispatched', by: STAFF, note: '派给张伟' }],
    extra: { assignee: VOLUNTEER, assigneeUserId: 'u-volunteer' },
  },
  {
    id: 'need-demo-3',
    person: LIU,
    text: '需要助浴，老人行动不便',
    category: '生活照料',
    urgency: 'normal',
    source: { kind: 'resident' },
    hoursAgo: 30,
    steps: [
      { to: 'dispatched', by: STAFF, note: `派给${CLINIC.name}` },
      { to: 'accepted', by: ['u-partner', `${CLINIC.name}（周慧）`, 'partner'] },
    ],
    extra: { assignee: CLINIC, assigneeUserId: 'u-partner' },
  },
  {
    id: 'need-demo-4',
    person: WANG,
    text: '想请人帮忙去医院取体检报告',
    category: '代办跑腿',
    urgency: 'normal',
    source: { kind: 'resident' },
    hoursAgo: 50,
    steps: [
      { to: 'dispatched', by: STAFF, note: '派给张伟' },
      { to: 'accepted', by: VOL },
      { to: 'done', by: VOL, note: '报告已取回，送到家中' },
    ],
    extra: { assignee: VOLUNTEER, assigneeUserId: 'u-volunteer', doneNote: '报告已取回，送到家中' },
  },
  {
    id: 'need-demo-5',
    person: LIU,
    text: '家里的门锁坏了，关不严',
    category: '维修报修',
    urgency: 'normal',
    source: { kind: 'resident' },
    hoursAgo: 96,
    steps: [
      { to: 'dispatched', by: STAFF, note: '派给张伟' },
      { to: 'accepted', by: VOL },
      { to: 'done', by: VOL, note: '换了新锁芯' },
      { to: 'rated', by: ['u-elder', '刘淑珍', 'resident'], note: '4 星：来得很快' },
    ],
    extra: {
      assignee: VOLUNTEER,
      assigneeUserId: 'u-volunteer',
      doneNote: '换了新锁芯',
      stars: 4,
      ratingComment: '来得很快',
    },
  },
];

/** Every item of the demo needs. */
export function needSeedItems(now: Date): Record<string, unknown>[] {
  return DEMOS.flatMap((d) => {
    const at = (hoursAfterStart: number) =>
      new Date(now.getTime() - (d.hoursAgo - hoursAfterStart) * 3600_000).toISOString();
    const createdAt = at(0);
    const last = d.steps.at(-1);
    const timeline: NeedTimelineRecord[] = [
      {
        needId: d.id,
        seq: 0,
        at: createdAt,
        byId: d.source.kind === 'phone' ? 'u-staff' : d.person.userId,
        byName: d.source.kind === 'phone' ? '刘晶' : d.person.name,
        byRole: d.source.kind === 'phone' ? 'staff' : 'resident',
        from: null,
        to: 'new',
        note: d.source.kind === 'phone' ? '电话求助，由工作人员刘晶登记' : undefined,
      },
      ...d.steps.map((s, i) => ({
        needId: d.id,
        seq: i + 1,
        at: at(i + 1),
        byId: s.by[0],
        byName: s.by[1],
        byRole: s.by[2],
        from: i === 0 ? ('new' as const) : d.steps[i - 1]!.to,
        to: s.to,
        note: s.note,
      })),
    ];
    const need: NeedRecord = {
      needId: d.id,
      communityId: C,
      source: d.source,
      text: d.text,
      category: d.category,
      urgency: d.urgency,
      memberId: d.person.memberId,
      memberLabel: d.person.label,
      memberUserId: d.person.userId,
      buildingId: d.person.buildingId,
      gridId: d.person.gridId,
      createdByUserId: timeline[0]!.byId,
      createdByName: timeline[0]!.byName,
      createdByRole: timeline[0]!.byRole,
      status: last?.to ?? 'new',
      version: timeline.length,
      dueAt: d.steps.length ? at(48) : initialDueAt(createdAt, d.urgency),
      dispatchedAt: d.steps.length ? at(1) : undefined,
      doneAt: d.extra?.doneNote ? at(3) : undefined,
      createdAt,
      statusAt: timeline.at(-1)!.at,
      ...d.extra,
    };
    return [needItem(need), memberNeedItem(need), ...timeline.map(needTimelineItem)];
  });
}
