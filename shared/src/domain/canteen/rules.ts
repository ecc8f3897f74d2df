/**
 * Pure rules of the community canteen: meal times, subsidies by age band, delivery fees,
 * order prices, cutoffs and pickup codes. No I/O; money in integer fen, times as ISO strings.
 */
import type { ErrorCode } from '../../errors';
import { newShortCode, parseScannedCode, scannableCode } from '../common/short-code';

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];
export const MEAL_LABEL: Record<Meal, string> = { breakfast: '早餐', lunch: '午餐', dinner: '晚餐' };

export const DISH_TAGS = ['低盐', '低糖', '软烂', '清真', '素食'] as const;
export type DishTag = (typeof DISH_TAGS)[number];

/** How far ahead staff may publish a menu. */
export const MAX_MENU_DAYS_AHEAD = 14;
/** Most dishes on one menu, and most lines in one order (each line is two items of a transaction). */
export const MAX_DISHES = 30;
export const MAX_ORDER_LINES = 10;

/** One meal a canteen serves: order cutoff and pickup window, as HH:MM in Asia/Shanghai. */
export interface MealTimes {
  meal: Meal;
  cutoff: string;
  pickupStart: string;
  pickupEnd: string;
}

/** A subsidy band: ages minAge..maxAge (inclusive; open-ended without maxAge) get subsidyFen off per meal. */
export interface SubsidyBand {
  minAge: number;
  maxAge?: number;
  subsidyFen: number;
}

/** The demo community's rules (60–69 减 1 元, 70–79 减 2 元, 80+ 减 3 元), also the default. */
export const DEFAULT_SUBSIDY_BANDS: SubsidyBand[] = [
  { minAge: 60, maxAge: 69, subsidyFen: 100 },
  { minAge: 70, maxAge: 79, subsidyFen: 200 },
  { minAge: 80, subsidyFen: 300 },
];

/** Delivery fee: a flat fee in fen (may be 0), waived from an age on when set. */
export interface DeliveryFeeRule {
  feeFen: number;
  freeFromAge?: number;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

import { addDays } from '../common/shanghai-time';

export { addDays };
export { shanghaiTime } from '../common/shanghai-time';

/** Whether a meal's times are well-formed: cutoff before the pickup window, which starts before it ends. */
export function mealTimesValid(m: MealTimes): boolean {
  return (
    HHMM.test(m.cutoff) &&
    HHMM.test(m.pickupStart) &&
    HHMM.test(m.pickupEnd) &&
    m.cutoff <= m.pickupStart &&
    m.pickupStart < m.pickupEnd
  );
}

/** A canteen's meals: each at most once, each with valid times. */
export function mealsValid(meals: MealTimes[]): boolean {
  return new Set(meals.map((m) => m.meal)).size === meals.length && meals.every(mealTimesValid);
}

/** Bands must not overlap, and each must be a sensible age range with a non-negative integer subsidy. */
export function subsidyBandsValid(bands: SubsidyBand[]): boolean {
  const sorted = [...bands].sort((a, b) => a.minAge - b.minAge);
  return sorted.every((b, i) => {
    if (!Number.isInteger(b.subsidyFen) || b.subsidyFen < 0) return false;
    if (b.maxAge !== undefined && b.maxAge < b.minAge) return false;
    const next = sorted[i + 1];
    if (!next) return true;
    return b.maxAge !== undefined && b.maxAge < next.minAge;
  });
}

/** The band an age falls in, if any. */
export function bandOf(age: number, bands: SubsidyBand[]): SubsidyBand | undefined {
  return bands.find((b) => age >= b.minAge && (b.maxAge === undefined || age <= b.maxAge));
}

/** `60-69`, `80+`: a band's label, used as the settlement's key. */
export function bandLabel(b: Pick<SubsidyBand, 'minAge' | 'maxAge'>): string {
  return b.maxAge === undefined ? `${b.minAge}+` : `${b.minAge}-${b.maxAge}`;
}

/** The delivery fee for a person of this age. */
export function deliveryFee(rule: DeliveryFeeRule, age: number): number {
  if (rule.freeFromAge !== undefined && age >= rule.freeFromAge) return 0;
  return Math.max(0, Math.trunc(rule.feeFen));
}

export interface PriceInput {
  lines: { unitPriceFen: number; quantity: number }[];
  /** Age on the meal's date. */
  age: number;
  bands: SubsidyBand[];
  /** Whether this person already had the subsidy for this meal on this day (once per person per meal per day). */
  subsidyAlreadyUsed: boolean;
  fulfilment: 'pickup' | 'delivery';
  delivery: DeliveryFeeRule;
}

export interface Price {
  itemsFen: number;
  subsidyFen: number;
  deliveryFeeFen: number;
  amountDueFen: number;
  /** The band the subsidy came from (also when used up already), for the settlement. */
  band?: string;
}

/**
 * The price of an order, computed on the server only. The subsidy applies to the food (never
 * to the delivery fee), at most once per person per meal per day, and never brings the food
 * below 0; every figure is an integer number of fen.
 */
export function priceOrder(input: PriceInput): Price {
  const itemsFen = input.lines.reduce((sum, l) => sum + Math.trunc(l.unitPriceFen) * Math.trunc(l.quantity), 0);
  const band = bandOf(input.age, input.bands);
  const subsidyFen = band && !input.subsidyAlreadyUsed ? Math.min(band.subsidyFen, itemsFen) : 0;
  const deliveryFeeFen = input.fulfilment === 'delivery' ? deliveryFee(input.delivery, input.age) : 0;
  return {
    itemsFen,
    subsidyFen,
    deliveryFeeFen,
    amountDueFen: itemsFen - subsidyFen + deliveryFeeFen,
    band: band ? bandLabel(band) : undefined,
  };
}

/** The key of the once-per-person-per-meal-per-day subsidy. */
export function subsidyKey(memberId: string, date: string, meal: Meal): string {
  return `${memberId}#${date}#${meal}`;
}

export interface MenuTimes {
  date: string;
  cutoffAt: string;
}

/** Why an order cannot be placed on this menu now, or undefined. */
export function orderRefusal(menu: MenuTimes, now: Date, today: string): ErrorCode | undefined {
  if (menu.date < today) return 'ORDER_DATE_PAST';
  if (now.getTime() >= Date.parse(menu.cutoffAt)) return 'ORDER_CUTOFF_PASSED';
  return undefined;
}

/** Why an order cannot be cancelled now, or undefined (cancelling closes at the cutoff, like ordering). */
export function cancelRefusal(menu: MenuTimes, now: Date): ErrorCode | undefined {
  if (now.getTime() >= Date.parse(menu.cutoffAt)) return 'ORDER_CUTOFF_PASSED';
  return undefined;
}

/** Why staff cannot publish a menu for this date and cutoff now, or undefined. */
export function publishRefusal(date: string, cutoffAt: string, now: Date, today: string): ErrorCode | undefined {
  if (date < today || date > addDays(today, MAX_MENU_DAYS_AHEAD)) return 'MENU_DATE_INVALID';
  if (now.getTime() >= Date.parse(cutoffAt)) return 'ORDER_CUTOFF_PASSED';
  return undefined;
}

/**
 * Hand-over (取餐核销) and delivery (已送达) happen while the meal is served: from half an hour
 * before its pickup window (the kitchen hands out and volunteers set off early) to an hour after
 * it (late collectors, the last doors of a round). Outside it staff may still act, with a reason.
 */
export const SERVICE_OPENS_BEFORE_MINUTES = 30;
export const SERVICE_CLOSES_AFTER_MINUTES = 60;

/** When a meal's hand-over and delivery open and close, as UTC ISO strings. */
export function serviceWindow(m: { pickupStartsAt: string; pickupEndsAt: string }): {
  opensAt: string;
  closesAt: string;
} {
  return {
    opensAt: new Date(Date.parse(m.pickupStartsAt) - SERVICE_OPENS_BEFORE_MINUTES * 60_000).toISOString(),
    closesAt: new Date(Date.parse(m.pickupEndsAt) + SERVICE_CLOSES_AFTER_MINUTES * 60_000).toISOString(),
  };
}

/** Whether `now` lies in the meal's service window. */
export function inServiceWindow(m: { pickupStartsAt: string; pickupEndsAt: string }, now: Date): boolean {
  const { opensAt, closesAt } = serviceWindow(m);
  return now.getTime() >= Date.parse(opensAt) && now.getTime() <= Date.parse(closesAt);
}

/** Order lines name each dish once, with a positive whole quantity. */
export function linesValid(lines: { dishId: string; quantity: number }[]): boolean {
  return (
    lines.length > 0 &&
    lines.length <= MAX_ORDER_LINES &&
    new Set(lines.map((l) => l.dishId)).size === lines.length &&
    lines.every((l) => Number.isInteger(l.quantity) && l.quantity > 0)
  );
}

/** Pickup codes: 6 readable characters (see common/short-code). */
export const newPickupCode = (random: (n: number) => number[]): string => newShortCode(random);

const QR_PREFIX = 'linli:meal:';

/** The text in an order's QR code: the menu it belongs to and its pickup code. */
export const pickupQrPayload = (menuKey: string, code: string): string => scannableCode(QR_PREFIX, menuKey, code);

/** `<canteen>.<date>.<meal>`: names a menu inside a QR code. */
export function menuKeyOf(canteenId: string, date: string, meal: Meal): string {
  return `${canteenId}.${date}.${meal}`;
}

/** A scanned QR text or a typed code → the pickup code, if it belongs to this menu. */
export const parsePickupInput = (input: string, menuKey: string): string | undefined =>
  parseScannedCode(input, QR_PREFIX, menuKey);

/** 1234 → "12.34": fen as yuan for CSV and text (the mini-program formats its own). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Days of a YYYY-MM month, as YYYY-MM-DD. */
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}
