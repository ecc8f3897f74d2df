/** Menus: staff publish a meal's dishes and stock; diners see what is on and what it costs them. */
import type { Diner, Menu, MenuDetail } from '@linli/shared/contract/canteen';
import type { Principal } from '@linli/shared/contract/principal';
import {
  addDays,
  bandLabel,
  bandOf,
  deliveryFee,
  publishRefusal,
  shanghaiTime,
  type Meal,
} from '@linli/shared/domain/canteen/rules';
import { ageOn, todayInShanghai } from '@linli/shared/domain/identity/person';
import { DomainError } from '@linli/shared/domain-error';
import { ulid } from 'ulidx';
import { ownMemberId, subjectOf, type ActingSubject, type Caller } from '../identity';
import { completionPut } from '../platform/idempotency';
import { canteenOf, menuOf, type CanteenRef, type MenuRef } from './access';
import * as repo from './repository';
import type { CanteenRecord, DishRecord, MenuRecord } from './records';
import { menuView } from './views';

export interface DishInput {
  name: string;
  priceFen: number;
  portions: number;
  perPersonLimit: number;
  tags?: string[];
  photoUrl?: string;
  setItems?: string[];
}

export async function publishMenu(
  staff: Principal,
  ref: CanteenRef,
  input: { date: string; meal: Meal; dishes: DishInput[] },
): Promise<Menu> {
  const canteen = await canteenOf(ref);
  const times = canteen.meals.find((m) => m.meal === input.meal);
  if (!times) throw new DomainError('MEAL_NOT_SERVED');
  const now = new Date();
  const cutoffAt = shanghaiTime(input.date, times.cutoff);
  const refusal = publishRefusal(input.date, cutoffAt, now, todayInShanghai(now));
  if (refusal) throw new DomainError(refusal);
  const dishes: DishRecord[] = input.dishes.map((d) => ({
    dishId: ulid(),
    name: d.name,
    priceFen: d.priceFen,
    portions: d.portions,
    left: d.portions,
    perPersonLimit: d.perPersonLimit,
    tags: [...new Set(d.tags ?? [])],
    photoUrl: d.photoUrl,
    setItems: d.setItems && d.setItems.length > 0 ? d.setItems : undefined,
  }));
  const menu: MenuRecord = {
    communityId: ref.communityId,
    canteenId: ref.canteenId,
    canteenName: canteen.name,
    canteenPlace: canteen.place,
    date: input.date,
    meal: input.meal,
    cutoffAt,
    pickupStartsAt: shanghaiTime(input.date, times.pickupStart),
    pickupEndsAt: shanghaiTime(input.date, times.pickupEnd),
    dishIds: dishes.map((d) => d.dishId),
    publishedBy: staff.userId,
    publishedAt: now.toISOString(),
  };
  const reply = menuView(menu, dishes);
  if (!(await repo.publishMenu(menu, dishes, completionPut(reply)))) throw new DomainError('MENU_ALREADY_PUBLISHED');
  return reply;
}

export async function listMenus(communityId: string, days: number): Promise<{ today: string; menus: Menu[] }> {
  const today = todayInShanghai();
  const menus = await repo.listMenus(communityId, today, addDays(today, days - 1));
  const withDishes = await Promise.all(menus.map(async (m) => menuView(m, await repo.getDishes(m))));
  return { today, menus: withDishes };
}

/** What the member can expect on this menu: age band subsidy (unless used), delivery eligibility and fee. */
async function dinerOf(subject: ActingSubject, menu: MenuRecord, canteen: CanteenRecord): Promise<Diner> {
  const [settings, claim, delivery] = await Promise.all([
    repo.getSettings(menu.communityId),
    repo.getSubsidyClaim(subject.memberId, menu.date, menu.meal),
    repo.getMealDelivery(subject.memberId),
  ]);
  const age = ageOn(subject.birthDate, menu.date);
  const band = bandOf(age, settings.subsidyBands);
  return {
    memberId: subject.memberId,
    name: subject.realName,
    age,
    band: band ? bandLabel(band) : undefined,
    subsidyFen: band && !claim ? band.subsidyFen : 0,
    subsidyUsed: Boolean(claim),
    deliveryEligible: Boolean(delivery?.eligible),
    deliveryFeeFen: deliveryFee(canteen.deliveryFee, age),
  };
}

export async function getMenuDetail(caller: Caller, ref: MenuRef): Promise<MenuDetail> {
  const menu = await menuOf(ref);
  const [dishes, canteen] = await Promise.all([repo.getDishes(menu), canteenOf(ref)]);
  const subjectId = caller.onBehalfOf?.memberId ?? ownMemberId(caller.principal);
  if (!subjectId) return { menu: menuView(menu, dishes), diner: null };
  const subject = await subjectOf(caller);
  return { menu: menuView(menu, dishes), diner: await dinerOf(subject, menu, canteen) };
}
