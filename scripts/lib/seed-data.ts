/**
 * The demo community, drawn from the Yinchuan reports in the seeds: 金凤区安居苑社区 with two
 * grids, four buildings, a canteen for the elderly, two council venues, two partner merchants
 * and one demo user per role.
 */
import type { RoleGrant } from '@linli/shared';
import { addDays, shanghaiDate, shanghaiTime } from '../../shared/src/domain/common/shanghai-time';

export const DEMO_COMMUNITY_ID = 'anjuyuan';

export const demoCommunity = {
  id: DEMO_COMMUNITY_ID,
  name: '安居苑社区',
  city: '银川市',
  district: '金凤区',
  address: '宁夏银川市金凤区安居苑小区',
};

export const demoGrids = [
  { id: 'grid-1', name: '第一网格', leader: '马秀兰', order: 1 },
  { id: 'grid-2', name: '第二网格', leader: '李建国', order: 2 },
];

const units = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `u${i + 1}`, name: `${i + 1}单元` }));

export const demoBuildings = [
  { id: 'b1', gridId: 'grid-1', name: '1号楼', address: '安居苑小区1号楼', households: 72, units: units(3), order: 1 },
  { id: 'b2', gridId: 'grid-1', name: '2号楼', address: '安居苑小区2号楼', households: 48, units: units(2), order: 2 },
  { id: 'b5', gridId: 'grid-2', name: '5号楼', address: '安居苑小区5号楼', households: 96, units: units(4), order: 1 },
  { id: 'b6', gridId: 'grid-2', name: '6号楼', address: '安居苑小区6号楼', households: 60, units: units(2), order: 2 },
];

export const demoCanteens = [
  {
    canteenId: 'canteen-1',
    name: '安居苑长者食堂',
    place: '社区服务中心一楼',
    meals: [
      { meal: 'breakfast' as const, cutoff: '07:00', pickupStart: '07:30', pickupEnd: '09:00' },
      { meal: 'lunch' as const, cutoff: '10:00', pickupStart: '11:30', pickupEnd: '13:00' },
      { meal: 'dinner' as const, cutoff: '16:00', pickupStart: '17:30', pickupEnd: '19:00' },
    ],
    /** 2 元 per delivery, free from 90. */
    deliveryFee: { feeFen: 200, freeFromAge: 90 },
  },
];

/**
 * The dishes the seed publishes for today's and tomorrow's lunch and dinner (dates counted from
 * the day the stack starts), so a newcomer's 食堂 is not empty. Breakfast is left for staff to
 * publish (the canteen walkthrough does it). Prices in fen.
 */
export const demoMenuDishes = {
  lunch: [
    { name: '清炖羊肉', priceFen: 1500, portions: 20, perPersonLimit: 1, tags: ['清真', '软烂'] },
    { name: '西红柿炒鸡蛋', priceFen: 800, portions: 40, perPersonLimit: 2, tags: ['低盐'] },
    { name: '清炒时蔬', priceFen: 500, portions: 40, perPersonLimit: 2, tags: ['低盐', '素食'] },
    { name: '米饭', priceFen: 100, portions: 100, perPersonLimit: 3, tags: [] },
  ],
  dinner: [
    { name: '小米粥', priceFen: 200, portions: 50, perPersonLimit: 2, tags: ['低糖', '软烂'] },
    { name: '肉末豆腐', priceFen: 700, portions: 30, perPersonLimit: 2, tags: ['软烂', '低盐'] },
    { name: '蒸南瓜', priceFen: 300, portions: 30, perPersonLimit: 2, tags: ['低糖', '素食'] },
    { name: '花卷', priceFen: 100, portions: 80, perPersonLimit: 3, tags: ['素食'] },
  ],
} as const;

/** 助餐补贴 by age band: 60–69 减 1 元, 70–79 减 2 元, 80+ 减 3 元 per meal. */
export const demoSubsidyBands = [
  { minAge: 60, maxAge: 69, subsidyFen: 100 },
  { minAge: 70, maxAge: 79, subsidyFen: 200 },
  { minAge: 80, subsidyFen: 300 },
];

/** Members staff marked eligible for meal delivery (80+ or limited mobility). */
export const demoMealDelivery = [
  { memberId: 'm-li-xiuying', reason: '86岁，行动不便' },
  { memberId: 'm-liu-shuzhen', reason: '82岁，独居' },
];

export const demoVenues = [
  { venueId: 'venue-1', name: '红色议事厅', place: '社区服务中心二楼', capacity: 30 },
  { venueId: 'venue-2', name: '罐罐茶议事吧', place: '第二网格党群驿站', capacity: 12 },
  { venueId: 'venue-3', name: '民情茶室', place: '1号楼东侧凉亭', capacity: 8 },
];

/**
 * Demo council sessions, placed relative to the day the stack is first seeded (times in
 * Asia/Shanghai): tomorrow morning for the whole community, and in three days for grid one.
 */
export function demoSessions(now: Date) {
  const shanghaiDay = (daysAhead: number, hh: number, mm: number) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    return shanghaiTime(addDays(shanghaiDate(now), daysAhead), `${pad(hh)}:${pad(mm)}`);
  };
  return [
    {
      sessionId: 'session-demo-1',
      title: '老旧小区加装电梯意见征集',
      venueId: 'venue-1',
      startsAt: shanghaiDay(1, 9, 30),
      endsAt: shanghaiDay(1, 11, 0),
      audience: { kind: 'community' as const },
      reservedSeats: 5,
    },
    {
      sessionId: 'session-demo-2',
      title: '板凳会：楼道堆物与电动车充电',
      venueId: 'venue-3',
      startsAt: shanghaiDay(3, 15, 0),
      endsAt: shanghaiDay(3, 16, 30),
      audience: { kind: 'buildings' as const, buildingIds: ['b1', 'b2'] },
      reservedSeats: 2,
    },
  ];
}

/** Partner merchants (爱心商户) with their exchange agreements; 老马理发店 is operated by u-merchant. */
export const demoMerchants = [
  {
    id: 'merchant-1',
    name: '老马理发店',
    address: '安居苑南门商铺3号',
    category: '理发',
    operatorUserId: 'u-merchant',
    agreement: {
      offers: [{ offerId: 'haircut', kind: 'fixed' as const, title: '理发一次', points: 100 }],
      activeFrom: '2026-01-01',
      monthlyCap: 3000,
    },
  },
  {
    id: 'merchant-2',
    name: '惠民便利店',
    address: '安居苑东门商铺8号',
    category: '便利店',
    inviteCode: 'HUIMIN88',
    agreement: {
      offers: [
        {
          offerId: 'discount',
          kind: 'discount' as const,
          title: '10 积分抵 1 元，每单最多抵 50%',
          pointsPerYuan: 10,
          maxSharePercent: 50,
        },
      ],
      activeFrom: '2026-01-01',
    },
  },
];

/** The demo volunteer's starting balance, posted through the ledger like any other award. */
export const demoStartingPoints = { userId: 'u-volunteer', name: '张伟', points: 300, reason: '历史志愿服务积分转入' };

/** A volunteer activity running today (Asia/Shanghai), placed relative to the day the stack is seeded. */
export function demoActivity(now: Date) {
  const day = (hh: number) => shanghaiTime(shanghaiDate(now), `${String(hh).padStart(2, '0')}:00`);
  return {
    activityId: 'activity-demo-1',
    title: '敲门探访独居老人',
    place: '社区服务中心集合',
    startsAt: day(0),
    // Until tomorrow night, so the demo works whenever in the day the stack was seeded.
    endsAt: new Date(Date.parse(day(23)) + 24 * 3600_000).toISOString(),
    slots: 20,
    award: { kind: 'perHour' as const, pointsPerHour: 20 },
  };
}

/** Where a demo member lives (building and unit ids from demoBuildings). */
export interface DemoAddress {
  buildingId: string;
  unitId: string;
  room: string;
}

export interface DemoMember extends DemoAddress {
  memberId: string;
  realName: string;
  birthDate: string;
  phone?: string;
  /** The demo user who is this member, if they use WeChat. */
  userId?: string;
}

export interface DemoUser {
  id: string;
  /** The dev-mode login code (`dev:<user>`), accepted only when WECHAT_MODE=dev. */
  devCode: string;
  name: string;
  roleLabel: string;
  memberId?: string;
  grants: RoleGrant[];
}

export const demoUsers: DemoUser[] = [
  {
    id: 'u-resident',
    devCode: 'dev:resident',
    name: '王桂芳',
    roleLabel: '居民（1号楼1单元302，与婆婆李秀英同住）',
    memberId: 'm-wang-guifang',
    grants: [{ role: 'resident', communityId: DEMO_COMMUNITY_ID, buildingId: 'b1', memberId: 'm-wang-guifang' }],
  },
  {
    id: 'u-volunteer',
    devCode: 'dev:volunteer',
    name: '张伟',
    roleLabel: '志愿者（5号楼居民，代办父亲张德福）',
    memberId: 'm-zhang-wei',
    grants: [
      { role: 'resident', communityId: DEMO_COMMUNITY_ID, buildingId: 'b5', memberId: 'm-zhang-wei' },
      { role: 'volunteer', communityId: DEMO_COMMUNITY_ID },
    ],
  },
  {
    id: 'u-elder',
    devCode: 'dev:elder',
    name: '刘淑珍',
    roleLabel: '居民（82岁，6号楼1单元101，可送餐上门）',
    memberId: 'm-liu-shuzhen',
    grants: [{ role: 'resident', communityId: DEMO_COMMUNITY_ID, buildingId: 'b6', memberId: 'm-liu-shuzhen' }],
  },
  {
    id: 'u-merchant',
    devCode: 'dev:merchant',
    name: '马师傅',
    roleLabel: '商户（老马理发店）',
    grants: [{ role: 'merchant', communityId: DEMO_COMMUNITY_ID, merchantId: 'merchant-1' }],
  },
  {
    id: 'u-staff',
    devCode: 'dev:staff',
    name: '刘晶',
    roleLabel: '社区工作人员',
    grants: [{ role: 'staff', communityId: DEMO_COMMUNITY_ID }],
  },
  {
    id: 'u-admin',
    devCode: 'dev:admin',
    name: '系统管理员',
    roleLabel: '平台管理员',
    grants: [{ role: 'admin' }],
  },
];

/**
 * Verified members: the two residents who use WeChat, an elder registered by staff who has no
 * smartphone (王桂芳 can link her as a dependent), and an elder already in 张伟's care.
 */
export const demoMembers: DemoMember[] = [
  {
    memberId: 'm-wang-guifang',
    realName: '王桂芳',
    birthDate: '1962-03-15',
    phone: '13895012345',
    userId: 'u-resident',
    buildingId: 'b1',
    unitId: 'u1',
    room: '302',
  },
  {
    memberId: 'm-li-xiuying',
    realName: '李秀英',
    birthDate: '1940-08-02',
    buildingId: 'b1',
    unitId: 'u1',
    room: '302',
  },
  {
    memberId: 'm-zhang-wei',
    realName: '张伟',
    birthDate: '1988-11-09',
    phone: '13709516688',
    userId: 'u-volunteer',
    buildingId: 'b5',
    unitId: 'u2',
    room: '601',
  },
  {
    memberId: 'm-liu-shuzhen',
    realName: '刘淑珍',
    birthDate: '1944-06-12',
    phone: '13995067788',
    userId: 'u-elder',
    buildingId: 'b6',
    unitId: 'u1',
    room: '101',
  },
  {
    memberId: 'm-zhang-defu',
    realName: '张德福',
    birthDate: '1943-05-20',
    buildingId: 'b5',
    unitId: 'u2',
    room: '601',
  },
];

/** Care links already confirmed by staff: caregiver user → dependent member. */
export const demoCareLinks = [
  {
    linkId: 'link-zhang',
    caregiverUserId: 'u-volunteer',
    caregiverMemberId: 'm-zhang-wei',
    dependentMemberId: 'm-zhang-defu',
    relation: '父母' as const,
  },
];

/**
 * Demo agenda topics (议题), one per stage people should see: a fresh one waiting for review,
 * one on the agenda of session-demo-1, and one finished with a decision, action items and
 * ratings, so the 晒事栏 is not empty. Days are counted back from the first seeding.
 */
export const demoTopics = [
  {
    topicId: 'topic-demo-1',
    title: '1号楼楼道灯不亮',
    description: '1号楼1单元三楼到五楼的楼道灯坏了一个多月，老人晚上上下楼很不方便，希望尽快修好。',
    category: '设施维修' as const,
    scope: { kind: 'building' as const, buildingId: 'b1' },
    authorMemberId: 'm-wang-guifang',
    daysAgo: 1,
    stage: 'submitted' as const,
    cosigners: ['m-li-xiuying'],
  },
  {
    topicId: 'topic-demo-2',
    title: '加装电梯费用如何分摊',
    description: '5号楼想加装电梯，低层和高层住户对费用分摊意见不一，希望在议事会上商量出一个大家都能接受的办法。',
    category: '其他' as const,
    scope: { kind: 'community' as const },
    authorMemberId: 'm-zhang-wei',
    daysAgo: 6,
    stage: 'scheduled' as const,
    sessionId: 'session-demo-1',
    cosigners: ['m-wang-guifang', 'm-zhang-defu'],
  },
  {
    topicId: 'topic-demo-3',
    title: '南门电动车乱停乱充电',
    description: '南门两侧电动车停得满满当当，还有人从楼上拉线充电，消防通道经常被堵，存在安全隐患。',
    category: '停车交通' as const,
    scope: { kind: 'community' as const },
    authorMemberId: 'm-wang-guifang',
    daysAgo: 30,
    stage: 'done' as const,
    cosigners: ['m-zhang-wei', 'm-zhang-defu', 'm-li-xiuying'],
    decision: {
      text: '在南门东侧划设电动车集中停放区并安装充电桩，费用由物业公司承担；禁止楼道飞线充电，物业早晚巡查。',
      tally: { for: 18, against: 2, abstain: 1 },
    },
    actions: [
      { title: '划线并安装充电桩', owner: '物业公司', due: '2026-10-31' },
      { title: '张贴停放指引、劝导飞线充电', owner: '第一网格网格员', due: '2026-10-20' },
    ],
    ratings: [
      { memberId: 'm-zhang-wei', stars: 5, comment: '现在南门通畅多了' },
      { memberId: 'm-zhang-defu', stars: 4 },
    ],
  },
];
