/**
 * The demo grid worker and the elders of their grid (网格敲门): 赵红梅 (`dev:grid`) looks after
 * 第二网格 (5号楼, 6号楼); 孙桂兰 lives alone and was last seen 12 days ago (overdue); 吴玉珍
 * lives alone and ordered today's breakfast but never picked it up (a canteen signal once the
 * breakfast window has closed); 刘淑珍 was visited two days ago. Dated from `now`, so a fresh
 * stack always shows one overdue elder and a visit history; ids are fixed, so seeding again keeps
 * what people did since.
 */
import { householdKey } from '../../shared/src/domain/identity/person';
import { shanghaiTime, todayInShanghai } from '../../shared/src/domain/common/shanghai-time';
import { orderItem } from '../../functions/src/canteen/items';
import type { OrderRecord } from '../../functions/src/canteen/records';
import { gridWorkerItem, visitItem, type VisitRecord } from '../../functions/src/care/visit-items';
import { memberItem } from '../../functions/src/identity/items';
import type { MemberRecord } from '../../functions/src/identity/records';
import { DEMO_COMMUNITY_ID, demoBuildings, demoCanteens, type DemoUser } from './seed-data';

const C = DEMO_COMMUNITY_ID;
const SEEDED_AT = '2026-01-01T00:00:00.000Z';
const DAY = 24 * 3600_000;

export const gridDemoUsers: DemoUser[] = [
  {
    id: 'u-grid',
    devCode: 'dev:grid',
    name: '赵红梅',
    roleLabel: '网格员（第二网格：5号楼、6号楼）',
    memberId: 'm-zhao-hongmei',
    grants: [
      { role: 'resident', communityId: C, buildingId: 'b5', memberId: 'm-zhao-hongmei' },
      { role: 'grid', communityId: C, gridId: 'grid-2' },
    ],
  },
];

/** Care tags of the elders this file adds (the wishes seed tags the others). */
export const gridCareTags: Record<string, ('独居' | '高龄')[]> = {
  'm-sun-guilan': ['独居', '高龄'],
  'm-wu-yuzhen': ['独居'],
};

function member(
  m: Pick<MemberRecord, 'memberId' | 'realName' | 'birthDate' | 'phone' | 'userId'> & {
    buildingId: string;
    unitId: string;
    room: string;
  },
): MemberRecord {
  const building = demoBuildings.find((b) => b.id === m.buildingId)!;
  const unit = building.units.find((u) => u.id === m.unitId)!;
  const address = {
    communityId: C,
    communityName: '安居苑社区',
    buildingId: building.id,
    buildingName: building.name,
    unitId: unit.id,
    unitName: unit.name,
    room: m.room,
  };
  return {
    ...m,
    ...address,
    householdKey: householdKey(address),
    status: 'verified',
    registeredBy: 'u-staff',
    createdAt: SEEDED_AT,
  };
}

const members: MemberRecord[] = [
  member({
    memberId: 'm-zhao-hongmei',
    realName: '赵红梅',
    birthDate: '1978-04-18',
    phone: '13995067001',
    userId: 'u-grid',
    buildingId: 'b5',
    unitId: 'u2',
    room: '202',
  }),
  member({
    memberId: 'm-sun-guilan',
    realName: '孙桂兰',
    birthDate: '1938-02-11',
    phone: '09515067002',
    buildingId: 'b6',
    unitId: 'u2',
    room: '102',
  }),
  member({
    memberId: 'm-wu-yuzhen',
    realName: '吴玉珍',
    birthDate: '1945-09-30',
    phone: '13995067003',
    buildingId: 'b5',
    unitId: 'u1',
    room: '301',
  }),
];

/** The visit history, as recording each visit would have left it (days before `now`). */
function visits(now: Date): VisitRecord[] {
  // Anchored at 10:00 of the day (Shanghai), so seeding again the same day finds the same visits.
  const anchor = Math.floor((now.getTime() + 8 * 3600_000) / DAY) * DAY + 2 * 3600_000;
  const at = (days: number) => new Date(anchor - days * DAY).toISOString();
  const v = (
    id: string,
    memberId: string,
    gridId: string,
    days: number,
    method: VisitRecord['method'],
    observation: VisitRecord['observation'],
    note: string,
  ): VisitRecord => ({
    visitId: `seed-visit-${id}`,
    communityId: C,
    memberId,
    gridId,
    at: at(days),
    byUserId: 'u-grid',
    byName: '赵红梅',
    method,
    observation,
    note,
  });
  return [
    v('liu-1', 'm-liu-shuzhen', 'grid-2', 9, '上门', '良好', '精神不错，冰箱里有菜'),
    v('liu-2', 'm-liu-shuzhen', 'grid-2', 2, '电话', '良好', '说腿脚还行，周末女儿来'),
    v('sun-1', 'm-sun-guilan', 'grid-2', 12, '上门', '良好', '血压药还有一周的量'),
    v('sun-2', 'm-sun-guilan', 'grid-2', 5, '无人应答', undefined, '敲门没人应，电话也没接'),
    v('wu-1', 'm-wu-yuzhen', 'grid-2', 4, '上门', '良好', '在家看电视，说想报名食堂'),
    v('zhang-1', 'm-zhang-defu', 'grid-2', 3, '上门', '良好', '儿子张伟在家'),
  ];
}

/** The visit state each member item carries (the latest visit that reached them, the latest attempt). */
export function demoVisitState(now: Date): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const v of [...visits(now)].sort((a, b) => a.at.localeCompare(b.at))) {
    const s = (state[v.memberId] ??= {});
    s.lastAttemptAt = v.at;
    s.lastMethod = v.method;
    if (v.observation) s.lastObservation = v.observation;
    else delete s.lastObservation;
    if (v.method !== '无人应答') s.lastVisitAt = v.at;
  }
  return state;
}

/** 吴玉珍's breakfast of today, ordered for pickup and never picked up. */
function unpickedBreakfast(now: Date): OrderRecord {
  const date = todayInShanghai(now);
  const canteen = demoCanteens[0]!;
  const times = canteen.meals.find((m) => m.meal === 'breakfast')!;
  return {
    orderId: `seed-order-${date}-wu-breakfast`,
    communityId: C,
    canteenId: canteen.canteenId,
    canteenName: canteen.name,
    date,
    meal: 'breakfast',
    memberId: 'm-wu-yuzhen',
    memberName: '吴玉珍',
    age: 81,
    buildingId: 'b5',
    buildingName: '5号楼',
    unitId: 'u1',
    unitName: '1单元',
    room: '301',
    placedByUserId: 'u-staff',
    placedByName: '刘晶',
    via: 'staff',
    lines: [{ dishId: 'seed-breakfast-1', name: '小米粥套餐', unitPriceFen: 500, quantity: 1, lineFen: 500 }],
    itemsFen: 500,
    subsidyFen: 300,
    deliveryFeeFen: 0,
    amountDueFen: 200,
    band: '80+',
    fulfilment: 'pickup',
    status: 'placed',
    paymentStatus: 'unpaid',
    pickupCode: 'WUZ381',
    cutoffAt: shanghaiTime(date, times.cutoff),
    pickupStartsAt: shanghaiTime(date, times.pickupStart),
    pickupEndsAt: shanghaiTime(date, times.pickupEnd),
    createdAt: new Date(Date.parse(shanghaiTime(date, times.cutoff)) - 3600_000).toISOString(),
  };
}

/** Every item of the grid demo except the users (seed.ts writes those with the others). */
export function gridSeedItems(now: Date): Record<string, unknown>[] {
  const state = demoVisitState(now);
  return [
    ...members.map((m) => ({
      ...memberItem(m),
      ...(gridCareTags[m.memberId] ? { tags: gridCareTags[m.memberId] } : {}),
      ...state[m.memberId],
    })),
    gridWorkerItem({
      communityId: C,
      userId: 'u-grid',
      memberId: 'm-zhao-hongmei',
      name: '赵红梅',
      buildingName: '5号楼',
      gridIds: ['grid-2'],
      appointedAt: SEEDED_AT,
      appointedBy: 'u-staff',
      appointedByName: '刘晶',
    }),
    ...visits(now).map(visitItem),
    orderItem(unpickedBreakfast(now)),
  ];
}
