/**
 * The reads of the order path: when a popular dish opens, every request of the rush makes them,
 * so everything an order is checked and priced against comes in one round trip (see ordering.ts).
 */
import { DEFAULT_SUBSIDY_BANDS } from '@linli/shared/domain/canteen/rules';
import { identityKey } from '../identity/items';
import type { MemberRecord } from '../identity';
import { getItemsByKey } from '../platform/items';
import { canteenKey, menuPk } from './items';
import type { CanteenRecord, CanteenSettingsRecord, DishRecord, MealDeliveryRecord, MenuRecord } from './records';

type MenuRef = Pick<MenuRecord, 'communityId' | 'canteenId' | 'date' | 'meal'>;

export interface OrderReads {
  menu: MenuRecord | undefined;
  /** The asked-for dishes that are on the menu, in the menu's order. */
  dishes: DishRecord[];
  /** The subject's member record, when it was asked for. */
  member: MemberRecord | undefined;
  canteen: CanteenRecord | undefined;
  settings: CanteenSettingsRecord;
  subsidyClaim: { orderId: string } | undefined;
  delivery: MealDeliveryRecord | undefined;
  /** The request's idempotency record, when asked for: a copy of it may have finished already. */
  record: Record<string, unknown> | undefined;
}

/**
 * AP43 + AP45 + AP4 and the pricing facts in one strongly consistent BatchGetItem: the menu, the
 * dishes the order asks for (their keys are known from the lines), the subject's member record
 * (unless already resolved), the canteen (delivery fee), the subsidy bands, the member's subsidy
 * claim for this meal and their delivery eligibility, and the request's idempotency record
 * (`recordKey`), so a retry of an order already placed never holds portions again. One call
 * instead of three in a row; a refusal (sold out, closed) costs the same one call.
 */
export async function readForOrder(
  ref: MenuRef,
  dishIds: readonly string[],
  subject: { memberId: string; readMember: boolean },
  recordKey?: { pk: string; sk: string },
  /** A dish already in hand (its hold's answer), left out of the read. */
  known?: DishRecord,
): Promise<OrderReads> {
  const pk = menuPk(ref);
  const wanted = [...new Set(dishIds)].filter((id) => id !== known?.dishId);
  const memberKeys = subject.readMember ? [identityKey.member(subject.memberId)] : [];
  const [menu, canteen, settings, subsidyClaim, delivery, ...rest] = await getItemsByKey(
    [
      canteenKey.menu(ref.communityId, ref.canteenId, ref.date, ref.meal),
      canteenKey.canteen(ref.communityId, ref.canteenId),
      canteenKey.settings(ref.communityId),
      canteenKey.mealSubsidy(subject.memberId, ref.date, ref.meal),
      canteenKey.mealDelivery(subject.memberId),
      ...(recordKey ? [recordKey] : []),
      ...memberKeys,
      ...wanted.map((id) => canteenKey.dish(pk, id)),
    ],
    true,
  );
  const record = recordKey ? rest.shift() : undefined;
  const member = subject.readMember ? rest.shift() : undefined;
  const dishes = known ? [...rest, known] : rest;
  const menuRecord = menu as MenuRecord | undefined;
  const stored = settings as Partial<CanteenSettingsRecord> | undefined;
  return {
    menu: menuRecord,
    dishes: onMenu(menuRecord, dishes as (DishRecord | undefined)[]),
    member: member as MemberRecord | undefined,
    canteen: canteen as CanteenRecord | undefined,
    settings: { subsidyBands: stored?.subsidyBands ?? DEFAULT_SUBSIDY_BANDS },
    subsidyClaim: subsidyClaim as { orderId: string } | undefined,
    delivery: delivery as MealDeliveryRecord | undefined,
    record,
  };
}

/**
 * After a lost race: the contended facts again, strongly consistent, in one BatchGetItem: the
 * dishes the order asks for and whether this meal's subsidy is taken.
 */
export async function readContended(
  menu: MenuRecord,
  dishIds: readonly string[],
  memberId: string,
): Promise<{ dishes: DishRecord[]; subsidyUsed: boolean }> {
  const pk = menuPk(menu);
  const [claim, ...dishes] = await getItemsByKey(
    [
      canteenKey.mealSubsidy(memberId, menu.date, menu.meal),
      ...[...new Set(dishIds)].map((id) => canteenKey.dish(pk, id)),
    ],
    true,
  );
  return { dishes: onMenu(menu, dishes as (DishRecord | undefined)[]), subsidyUsed: Boolean(claim) };
}

/** The dishes found that the menu lists, in the menu's order. */
function onMenu(menu: MenuRecord | undefined, found: (DishRecord | undefined)[]): DishRecord[] {
  if (!menu) return [];
  const order = new Map(menu.dishIds.map((id, i) => [id, i]));
  return found
    .filter((d): d is DishRecord => d !== undefined && order.has(d.dishId))
    .sort((a, b) => order.get(a.dishId)! - order.get(b.dishId)!);
}
