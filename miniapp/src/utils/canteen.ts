/** How the canteen's figures read: fen as ¥, meals and days in Chinese, order states as words. */
import type { MealName, OrderStatus } from '@linli/shared/contract/canteen';
import { addDays as plusDays, todayInShanghai as shanghaiToday } from '@linli/shared/domain/common/shanghai-time';
import { inServiceWindow, serviceWindow } from '@linli/shared/domain/canteen/rules';

export { plusDays, shanghaiToday };

export const MEAL_LABELS: Record<MealName, string> = { breakfast: '早餐', lunch: '午餐', dinner: '晚餐' };

/** 1234 → ¥12.34 (the server computes every amount; the client only shows it). */
export function yuanText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** 今天 · 11月23日 周一 / 明天 · … / 11月25日 周三. */
export function dayLabel(date: string, today: string = shanghaiToday()): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  const base = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`;
  if (date === today) return `今天 · ${base}`;
  if (date === plusDays(today, 1)) return `明天 · ${base}`;
  return base;
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  placed: '待取餐',
  cancelled: '已取消',
  picked_up: '已取餐',
  out_for_delivery: '配送中',
  delivered: '已送达',
  received: '已签收',
};

/** The state word of an order; a delivery order not yet on its way waits for a volunteer. */
export function orderStatusLabel(o: { status: OrderStatus; fulfilment: 'pickup' | 'delivery' }): string {
  if (o.status === 'placed' && o.fulfilment === 'delivery') return '待送餐';
  return ORDER_STATUS_LABELS[o.status];
}

export const orderTone = (status: OrderStatus) =>
  status === 'cancelled' ? 'bad' : status === 'placed' || status === 'out_for_delivery' ? 'waiting' : 'ok';

/**
 * Whether a meal's hand-over and delivery are open now (the server's rule, shared), and when they
 * open and close, so a screen offers the step only when the server would take it.
 */
export function serviceState(o: { pickupStartsAt: string; pickupEndsAt: string }, now = new Date()) {
  const { opensAt, closesAt } = serviceWindow(o);
  return { open: inServiceWindow(o, now), early: now.getTime() < Date.parse(opensAt), opensAt, closesAt };
}
