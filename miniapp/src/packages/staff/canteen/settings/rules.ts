/** The settings form's text → the canteen and subsidy rules the API takes, or the first thing to fix. */
import type { MealName } from '@linli/shared/contract/canteen';
import type { CanteenInput, CanteenSettings } from '../../../../hooks/use-canteen-staff';
import { fenOf } from '../publish/rules';

export interface MealDraft {
  meal: MealName;
  served: boolean;
  cutoff: string;
  pickupStart: string;
  pickupEnd: string;
}

export interface BandDraft {
  minAge: string;
  maxAge: string;
  subsidy: string;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const age = (text: string) => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : undefined);

export function mealsOf(
  drafts: MealDraft[],
): { ok: true; meals: CanteenInput['meals'] } | { ok: false; error: string } {
  const served = drafts.filter((m) => m.served);
  if (served.length === 0) return { ok: false, error: '至少供应一餐' };
  for (const m of served) {
    if (![m.cutoff, m.pickupStart, m.pickupEnd].every((t) => CLOCK.test(t.trim()))) {
      return { ok: false, error: '时间请按 10:00 的格式填写' };
    }
    if (!(m.cutoff <= m.pickupStart && m.pickupStart < m.pickupEnd)) {
      return { ok: false, error: '截止时间应早于取餐时间，取餐开始应早于结束' };
    }
  }
  return {
    ok: true,
    meals: served.map((m) => ({
      meal: m.meal,
      cutoff: m.cutoff.trim(),
      pickupStart: m.pickupStart.trim(),
      pickupEnd: m.pickupEnd.trim(),
    })),
  };
}

export function bandsOf(
  drafts: BandDraft[],
): { ok: true; bands: CanteenSettings['subsidyBands'] } | { ok: false; error: string } {
  const bands: CanteenSettings['subsidyBands'] = [];
  for (const [i, b] of drafts.entries()) {
    const minAge = age(b.minAge);
    const maxAge = b.maxAge.trim() ? age(b.maxAge) : undefined;
    const subsidyFen = fenOf(b.subsidy);
    if (minAge === undefined || (b.maxAge.trim() && maxAge === undefined) || subsidyFen === undefined) {
      return { ok: false, error: `第${i + 1}档：请填写年龄和补贴金额` };
    }
    bands.push({ minAge, ...(maxAge !== undefined ? { maxAge } : {}), subsidyFen });
  }
  return { ok: true, bands };
}

/** Fen → the yuan text a person edits, two decimals (300 → "3.00", 150 → "1.50"). */
export const yuanInput = (fen: number) => (fen / 100).toFixed(2);
