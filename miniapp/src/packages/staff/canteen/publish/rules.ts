/** Turning the publish form's text into the menu the API takes, with a Chinese reason when it cannot. */
import type { MenuInput } from '../../../../hooks/use-canteen-staff';

export interface DishDraft {
  name: string;
  price: string;
  portions: string;
  limit: string;
  tags: string[];
  setItems: string;
  photoUrl: string;
}

export const emptyDish = (): DishDraft => ({
  name: '',
  price: '',
  portions: '50',
  limit: '2',
  tags: [],
  setItems: '',
  photoUrl: '',
});

/** "12" / "12.5" / "12.50" 元 → 1250 fen; undefined when not a price. */
export function fenOf(price: string): number | undefined {
  const m = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(price.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

const whole = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The dishes as the API takes them, or the first thing to fix. */
export function dishesOf(
  drafts: DishDraft[],
): { ok: true; dishes: MenuInput['dishes'] } | { ok: false; error: string } {
  const dishes: MenuInput['dishes'] = [];
  for (const [i, d] of drafts.entries()) {
    const n = `第${i + 1}道菜`;
    if (!d.name.trim()) return { ok: false, error: `${n}：请填写菜名` };
    const priceFen = fenOf(d.price);
    if (priceFen === undefined) return { ok: false, error: `${n}：价格请填金额，如 12.00` };
    const portions = whole(d.portions);
    if (!portions) return { ok: false, error: `${n}：份数至少为 1` };
    const perPersonLimit = whole(d.limit);
    if (!perPersonLimit || perPersonLimit > 20) return { ok: false, error: `${n}：每人限购 1 到 20 份` };
    const setItems = d.setItems
      .split(/[、,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    dishes.push({
      name: d.name.trim(),
      priceFen,
      portions,
      perPersonLimit,
      tags: d.tags as MenuInput['dishes'][number]['tags'],
      ...(setItems.length > 0 ? { setItems } : {}),
      ...(d.photoUrl.trim() ? { photoUrl: d.photoUrl.trim() } : {}),
    });
  }
  return dishes.length > 0 ? { ok: true, dishes } : { ok: false, error: '请至少添加一道菜' };
}
