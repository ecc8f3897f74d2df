import type { DeliveryFeeRule, Meal, MealTimes, SubsidyBand } from '@linli/shared/domain/canteen/rules';

export interface CanteenRecord {
  canteenId: string;
  communityId: string;
  name: string;
  place: string;
  meals: MealTimes[];
  deliveryFee: DeliveryFeeRule;
}

export interface CanteenSettingsRecord {
  subsidyBands: SubsidyBand[];
}

/** Staff-set: may this member have meals delivered (80+ or limited mobility). */
export interface MealDeliveryRecord {
  memberId: string;
  communityId: string;
  eligible: boolean;
  reason?: string;
  setBy: string;
  setAt: string;
}

export interface MenuRecord {
  communityId: string;
  canteenId: string;
  canteenName: string;
  canteenPlace: string;
  date: string;
  meal: Meal;
  cutoffAt: string;
  pickupStartsAt: string;
  pickupEndsAt: string;
  /** Static facts of the dishes in menu order; stock lives on each DishRecord. */
  dishIds: string[];
  publishedBy: string;
  publishedAt: string;
}

export interface DishRecord {
  dishId: string;
  name: string;
  priceFen: number;
  portions: number;
  /** Portions still orderable: lowered only by a conditional write that keeps it ≥ 0. */
  left: number;
  perPersonLimit: number;
  tags: string[];
  photoUrl?: string;
  setItems?: string[];
  /**
   * takerTag of every member an order ever took a portion for (never removed, also not on
   * cancel): a member not in it has no order of the dish, read atomically with `left`.
   */
  takers?: Set<string>;
  /** The menu's cutoff (menus never change once published), written by dishItem. */
  cutoffAt?: string;
}

/** Staff handed over or marked delivered outside the meal's service window, and why. */
export interface TimeOverrideRecord {
  action: 'hand_over' | 'delivered';
  reason: string;
  byUserId: string;
  byName: string;
  at: string;
}

export type OrderStatus = 'placed' | 'cancelled' | 'picked_up' | 'out_for_delivery' | 'delivered' | 'received';

export interface OrderLine {
  dishId: string;
  name: string;
  unitPriceFen: number;
  quantity: number;
  lineFen: number;
}

export interface OrderRecord {
  orderId: string;
  communityId: string;
  canteenId: string;
  canteenName: string;
  date: string;
  meal: Meal;
  memberId: string;
  memberName: string;
  age: number;
  buildingId: string;
  buildingName: string;
  unitId: string;
  unitName: string;
  room: string;
  placedByUserId: string;
  placedByName: string;
  via: 'self' | 'caregiver' | 'staff';
  lines: OrderLine[];
  itemsFen: number;
  subsidyFen: number;
  deliveryFeeFen: number;
  amountDueFen: number;
  /** The subsidy band of the member's age (label like 80+), when in one. */
  band?: string;
  fulfilment: 'pickup' | 'delivery';
  note?: string;
  status: OrderStatus;
  paymentStatus: 'unpaid' | 'paid_at_pickup' | 'paid_on_delivery';
  pickupCode: string;
  cutoffAt: string;
  pickupStartsAt: string;
  pickupEndsAt: string;
  createdAt: string;
  cancelledAt?: string;
  handedOverAt?: string;
  handedOverBy?: string;
  volunteerUserId?: string;
  volunteerName?: string;
  claimedAt?: string;
  deliveredAt?: string;
  receivedAt?: string;
  receivedConfirmedBy?: string;
  timeOverride?: TimeOverrideRecord;
}
