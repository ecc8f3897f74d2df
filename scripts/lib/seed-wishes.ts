/**
 * The demo 微心愿: a partner unit (社区卫生服务站) whose operator `dev:partner` is bound, a school
 * still waiting for its operator, care tags on the elders, and one wish in each state, each with
 * the timeline, member link and claimer figures the API would have written. Dated from `now`, so a
 * fresh stack shows a claim that is overdue (claimed 9 days ago) and this year's figures.
 */
import {
  careKey,
  memberWishItem,
  partnerInviteItem,
  partnerItem,
  wishItem,
  wishTimelineItem,
} from '../../functions/src/care/items';
import type {
  ClaimerStatRecord,
  PartnerRecord,
  WishRecord,
  WishTimelineRecord,
} from '../../functions/src/care/records';
import { DEMO_COMMUNITY_ID, type DemoUser } from './seed-data';

const C = DEMO_COMMUNITY_ID;
const SEEDED_AT = '2026-01-01T00:00:00.000Z';

export const DEMO_CLINIC: PartnerRecord = {
  partnerId: 'partner-clinic',
  communityId: C,
  name: '安居苑社区卫生服务站',
  kind: '医院',
  operatorUserId: 'u-partner',
  createdAt: SEEDED_AT,
};

/** Registered by staff; its operator has not bound yet (invite code below, read aloud as XUEX IAO8). */
export const DEMO_SCHOOL: PartnerRecord & { inviteCode: string } = {
  partnerId: 'partner-school',
  communityId: C,
  name: '金凤区实验小学',
  kind: '学校',
  inviteCode: 'XUEXIAO8',
  createdAt: SEEDED_AT,
};

export const wishDemoUsers: DemoUser[] = [
  {
    id: 'u-partner',
    devCode: 'dev:partner',
    name: '周慧',
    roleLabel: '共建单位经办人（安居苑社区卫生服务站）',
    grants: [{ role: 'partner', communityId: C, partnerId: DEMO_CLINIC.partnerId }],
  },
];

/** Care tags staff set on the demo elders (独居/低保/残疾 put their wishes first). */
export const demoCareTags: Record<string, ('独居' | '高龄' | '低保' | '残疾')[]> = {
  'm-liu-shuzhen': ['独居', '高龄'],
  'm-li-xiuying': ['高龄'],
  'm-zhang-defu': ['高龄', '残疾'],
};

interface Who {
  memberId: string;
  memberName: string;
  memberUserId?: string;
  buildingName: string;
  address: string;
  priority: boolean;
}
const LIU: Who = {
  memberId: 'm-liu-shuzhen',
  memberName: '刘淑珍',
  memberUserId: 'u-elder',
  buildingName: '6号楼',
  address: '6号楼1单元101',
  priority: true,
};
const LI: Who = {
  memberId: 'm-li-xiuying',
  memberName: '李秀英',
  buildingName: '1号楼',
  address: '1号楼1单元302',
  priority: false,
};
const WANG: Who = {
  memberId: 'm-wang-guifang',
  memberName: '王桂芳',
  memberUserId: 'u-resident',
  buildingName: '1号楼',
  address: '1号楼1单元302',
  priority: false,
};
const ZHANG: Who = {
  memberId: 'm-zhang-defu',
  memberName: '张德福',
  buildingName: '5号楼',
  address: '5号楼2单元601',
  priority: true,
};

const STAFF = { byId: 'u-staff', byName: '刘晶', byRole: 'staff' as const };
const VOLUNTEER = { kind: 'volunteer' as const, id: 'u-volunteer', userId: 'u-volunteer', name: '张伟' };
const CLINIC = { kind: 'partner' as const, id: DEMO_CLINIC.partnerId, userId: 'u-partner', name: DEMO_CLINIC.name };

type Step = Omit<WishTimelineRecord, 'wishId' | 'seq' | 'at'> & { daysAgo: number };

interface DemoWish {
  wishId: string;
  who: Who;
  text: string;
  category: WishRecord['category'];
  handover: WishRecord['handover'];
  via: WishRecord['via'];
  recordedBy: { userId: string; name: string };
  offeredTo?: WishRecord['offeredTo'];
  claimer?: WishRecord['claimer'];
  deliveryNote?: string;
  steps: Step[];
}

const posted = (w: Pick<DemoWish, 'who' | 'via' | 'recordedBy'>, daysAgo: number): Step => ({
  daysAgo,
  byId: w.recordedBy.userId,
  byName: w.recordedBy.name,
  byRole: w.via === 'self' ? 'resident' : w.via,
  from: null,
  to: 'pending_review',
  note:
    w.via === 'staff'
      ? `由工作人员${w.recordedBy.name}代为登记`
      : w.via === 'caregiver'
        ? `家属${w.recordedBy.name}代为许愿`
        : undefined,
});
const approved = (daysAgo: number, note?: string): Step => ({
  daysAgo,
  ...STAFF,
  from: 'pending_review',
  to: 'open',
  note,
});
const claimedBy = (c: NonNullable<WishRecord['claimer']>, daysAgo: number): Step => ({
  daysAgo,
  byId: c.userId,
  byName: c.name,
  byRole: c.kind === 'partner' ? 'partner' : c.kind === 'volunteer' ? 'volunteer' : 'resident',
  from: 'open',
  to: 'claimed',
});

const self = (who: Who) => ({ via: 'self' as const, recordedBy: { userId: who.memberUserId!, name: who.memberName } });

function demoWishes(): DemoWish[] {
  const list: DemoWish[] = [];
  const add = (w: Omit<DemoWish, 'steps'>, steps: (w: Omit<DemoWish, 'steps'>) => Step[]) => {
    list.push({ ...w, steps: steps(w) });
  };
  add(
    {
      wishId: 'seed-wish-pending',
      who: LI,
      text: '想要一个带放大镜的指甲刀，自己剪指甲看不清',
      category: '生活用品',
      handover: '上门送达',
      via: 'caregiver',
      recordedBy: { userId: 'u-resident', name: '王桂芳' },
    },
    (w) => [posted(w, 1)],
  );
  add(
    {
      wishId: 'seed-wish-open',
      who: LIU,
      text: '想要一台收音机，每天听听新闻和秦腔',
      category: '生活用品',
      handover: '上门送达',
      ...self(LIU),
    },
    (w) => [posted(w, 4), approved(3)],
  );
  add(
    {
      wishId: 'seed-wish-offered',
      who: ZHANG,
      text: '想请医生上门量量血压，讲讲每天的药怎么吃',
      category: '健康助医',
      handover: '电话联系后约定',
      via: 'caregiver',
      recordedBy: { userId: 'u-volunteer', name: '张伟' },
      offeredTo: { kind: 'partner', partnerId: DEMO_CLINIC.partnerId, partnerName: DEMO_CLINIC.name },
    },
    (w) => [posted(w, 3), approved(2, `定向给${DEMO_CLINIC.name}`)],
  );
  add(
    {
      wishId: 'seed-wish-claimed',
      who: WANG,
      text: '帮忙修一下门锁，钥匙总是拧不动',
      category: '维修帮忙',
      handover: '上门送达',
      ...self(WANG),
      claimer: VOLUNTEER,
    },
    (w) => [posted(w, 12), approved(11), claimedBy(VOLUNTEER, 9)],
  );
  add(
    {
      wishId: 'seed-wish-delivered',
      who: LIU,
      text: '想要几本字大一点的书，故事书就行',
      category: '学习用品',
      handover: '社区转交',
      ...self(LIU),
      claimer: CLINIC,
      deliveryNote: '大字版《平凡的世界》两册已放在社区服务站',
    },
    (w) => [
      posted(w, 10),
      approved(9),
      claimedBy(CLINIC, 8),
      {
        daysAgo: 2,
        byId: CLINIC.userId,
        byName: CLINIC.name,
        byRole: 'partner',
        from: 'claimed',
        to: 'delivered',
        note: w.deliveryNote,
      },
    ],
  );
  add(
    {
      wishId: 'seed-wish-fulfilled',
      who: LI,
      text: '想有人每周陪我聊聊天，说说老家的事',
      category: '陪伴关怀',
      handover: '上门送达',
      via: 'staff',
      recordedBy: { userId: 'u-staff', name: '刘晶' },
      claimer: CLINIC,
      deliveryNote: '服务站护士每周三下午上门陪李奶奶聊天',
    },
    (w) => [
      posted(w, 30),
      approved(29),
      claimedBy(CLINIC, 28),
      {
        daysAgo: 21,
        byId: CLINIC.userId,
        byName: CLINIC.name,
        byRole: 'partner',
        from: 'claimed',
        to: 'delivered',
        note: w.deliveryNote,
      },
      { daysAgo: 20, ...STAFF, from: 'delivered', to: 'fulfilled', note: '工作人员代李秀英确认' },
    ],
  );
  add(
    {
      wishId: 'seed-wish-declined',
      who: ZHANG,
      text: '想要一部新的智能手机',
      category: '生活用品',
      handover: '社区转交',
      via: 'caregiver',
      recordedBy: { userId: 'u-volunteer', name: '张伟' },
    },
    (w) => [
      posted(w, 6),
      {
        daysAgo: 5,
        ...STAFF,
        from: 'pending_review',
        to: 'declined',
        note: '心愿涉及贵重物品，不适合在心愿墙发布，社区会联系家属商量',
      },
    ],
  );
  return list;
}

const ago = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3600_000).toISOString();
const shanghaiYear = (iso: string) => String(new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear());

/** The wish as the repository stores it after its last step. */
function wishRecord(w: DemoWish, now: Date): WishRecord {
  const last = w.steps[w.steps.length - 1]!;
  const claim = w.steps.find((s) => s.to === 'claimed');
  const fulfilled = w.steps.find((s) => s.to === 'fulfilled');
  return {
    wishId: w.wishId,
    communityId: C,
    text: w.text,
    category: w.category,
    handover: w.handover,
    showBuilding: true,
    memberId: w.who.memberId,
    memberName: w.who.memberName,
    memberUserId: w.who.memberUserId,
    buildingName: w.who.buildingName,
    address: w.who.address,
    priority: w.who.priority,
    recordedByUserId: w.recordedBy.userId,
    recordedByName: w.recordedBy.name,
    via: w.via,
    offeredTo: w.offeredTo ?? { kind: 'all' },
    status: last.to,
    version: w.steps.length,
    claimer: w.claimer,
    claimedAt: claim ? ago(now, claim.daysAgo) : undefined,
    deliveryNote: w.deliveryNote,
    createdAt: ago(now, w.steps[0]!.daysAgo),
    statusAt: ago(now, last.daysAgo),
    fulfilledAt: fulfilled ? ago(now, fulfilled.daysAgo) : undefined,
  };
}

/** This year's 认领/圆梦 per claimer, as the steps' ADD updates would have counted them. */
function claimerStats(wishes: DemoWish[], now: Date): Record<string, unknown>[] {
  const stats = new Map<string, ClaimerStatRecord & { year: string }>();
  for (const w of wishes) {
    if (!w.claimer) continue;
    for (const s of w.steps) {
      const field = s.to === 'claimed' ? 'claimed' : s.to === 'fulfilled' ? 'fulfilled' : undefined;
      if (!field) continue;
      const year = shanghaiYear(ago(now, s.daysAgo));
      const id = `${year}#${w.claimer.kind}#${w.claimer.id}`;
      const stat = stats.get(id) ?? { kind: w.claimer.kind, claimerId: w.claimer.id, name: w.claimer.name, year };
      stat[field] = (stat[field] ?? 0) + 1;
      stats.set(id, stat);
    }
  }
  return [...stats.values()].map(({ year, ...s }) => ({
    ...careKey.claimerStat(C, year, s.kind, s.claimerId),
    type: 'WishClaimerStat',
    ...s,
  }));
}

/** Every item of the demo 微心愿 and partner units (member tags are set on the member items in seed.ts). */
export function wishSeedItems(now: Date): Record<string, unknown>[] {
  const wishes = demoWishes();
  return [
    partnerItem(DEMO_CLINIC),
    { ...partnerInviteItem('ANJUWSZ8', DEMO_CLINIC), status: 'used', usedBy: 'u-partner', usedAt: SEEDED_AT },
    {
      ...careKey.partnerOperator('u-partner'),
      type: 'PartnerOperator',
      communityId: C,
      partnerId: DEMO_CLINIC.partnerId,
      boundAt: SEEDED_AT,
    },
    partnerItem(DEMO_SCHOOL),
    partnerInviteItem(DEMO_SCHOOL.inviteCode, DEMO_SCHOOL),
    ...wishes.flatMap((w) => {
      const record = wishRecord(w, now);
      return [
        wishItem(record),
        memberWishItem(record),
        ...w.steps.map(({ daysAgo, ...s }, seq) =>
          wishTimelineItem({ wishId: w.wishId, seq, at: ago(now, daysAgo), ...s }),
        ),
      ];
    }),
    ...claimerStats(wishes, now),
  ];
}
