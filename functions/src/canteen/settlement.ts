/** Settlement: the day's figures per canteen, its CSV for the accounts, and the month's meals. */
import type { MonthlyMeals, Settlement } from '@linli/shared/contract/canteen';
import { MEAL_LABEL, MEALS, daysOfMonth, yuan } from '@linli/shared/domain/canteen/rules';
import { toCsv } from '@linli/shared/domain/common/csv';
import { shanghaiMinute } from '@linli/shared/domain/common/shanghai-time';
import { canteenOf, type CanteenRef } from './access';
import * as repo from './repository';
import type { OrderRecord } from './records';

const SERVED = new Set(['picked_up', 'delivered', 'received']);
const portionsOf = (o: OrderRecord) => o.lines.reduce((sum, l) => sum + l.quantity, 0);
const sum = (orders: OrderRecord[], f: (o: OrderRecord) => number) => orders.reduce((s, o) => s + f(o), 0);

export async function getSettlement(ref: CanteenRef, date: string): Promise<Settlement> {
  const { communityId, canteenId } = ref;
  await canteenOf(ref);
  const orders = await repo.listCanteenOrders(communityId, canteenId, date);
  const active = orders.filter((o) => o.status !== 'cancelled');
  const bands = new Map<string, { band: string; orders: number; subsidyFen: number }>();
  for (const o of active.filter((x) => x.subsidyFen > 0)) {
    const label = o.band ?? '其他';
    const b = bands.get(label) ?? { band: label, orders: 0, subsidyFen: 0 };
    b.orders += 1;
    b.subsidyFen += o.subsidyFen;
    bands.set(label, b);
  }
  return {
    canteenId,
    date,
    orders: active.length,
    cancellations: orders.length - active.length,
    mealsServed: sum(
      active.filter((o) => SERVED.has(o.status)),
      portionsOf,
    ),
    itemsFen: sum(active, (o) => o.itemsFen),
    subsidyFen: sum(active, (o) => o.subsidyFen),
    deliveryFeeFen: sum(active, (o) => o.deliveryFeeFen),
    revenueFen: sum(active, (o) => o.amountDueFen),
    byBand: [...bands.values()].sort((a, b) => a.band.localeCompare(b.band, 'en', { numeric: true })),
    byMeal: MEALS.map((meal) => {
      const of = active.filter((o) => o.meal === meal);
      return { meal, orders: of.length, revenueFen: sum(of, (o) => o.amountDueFen) };
    }).filter((m) => m.orders > 0),
  };
}

const STATUS_LABEL: Record<OrderRecord['status'], string> = {
  placed: '待取餐/待送',
  cancelled: '已取消',
  picked_up: '已取餐',
  out_for_delivery: '配送中',
  delivered: '已送达',
  received: '已签收',
};
const VIA_LABEL = { self: '本人', caregiver: '家属代订', staff: '社区代订' } as const;

export async function exportSettlement(ref: CanteenRef, date: string) {
  const { communityId, canteenId } = ref;
  const canteen = await canteenOf(ref);
  const orders = (await repo.listCanteenOrders(communityId, canteenId, date)).sort(
    (a, b) => MEALS.indexOf(a.meal) - MEALS.indexOf(b.meal) || a.createdAt.localeCompare(b.createdAt),
  );
  const rows = orders.map((o, i) => [
    i + 1,
    MEAL_LABEL[o.meal],
    o.memberName,
    o.age,
    o.band ?? '',
    o.buildingName,
    o.unitName,
    o.room,
    o.lines.map((l) => `${l.name}×${l.quantity}`).join('、'),
    o.fulfilment === 'delivery' ? '送餐' : '自取',
    yuan(o.itemsFen),
    yuan(o.subsidyFen),
    yuan(o.deliveryFeeFen),
    yuan(o.amountDueFen),
    STATUS_LABEL[o.status],
    `${o.placedByName}（${VIA_LABEL[o.via]}）`,
    shanghaiMinute(o.createdAt),
  ]);
  const csv = toCsv([
    [
      '序号',
      '餐次',
      '姓名',
      '年龄',
      '补贴年龄段',
      '楼栋',
      '单元',
      '门牌',
      '菜品',
      '方式',
      '菜品金额(元)',
      '补贴(元)',
      '送餐费(元)',
      '应付(元)',
      '状态',
      '下单人',
      '下单时间',
    ],
    ...rows,
  ]);
  return { filename: `${date}-${canteen.name}-日结.csv`, csv };
}

export async function getMonthlyMeals(ref: CanteenRef, month: string): Promise<MonthlyMeals> {
  const { communityId, canteenId } = ref;
  await canteenOf(ref);
  const days = daysOfMonth(month);
  const orders = await repo.listCanteenOrdersBetween(communityId, canteenId, days[0]!, days[days.length - 1]!);
  const active = orders.filter((o) => o.status !== 'cancelled');
  return {
    month,
    days: days.map((date) => {
      const of = active.filter((o) => o.date === date);
      return {
        date,
        orders: of.length,
        meals: sum(of, portionsOf),
        served: sum(
          of.filter((o) => SERVED.has(o.status)),
          portionsOf,
        ),
      };
    }),
  };
}
