import * as z from 'zod/mini';
import { Fen, Id, IsoTime, communityItemParams, communityParams } from './common';
import { defineRoute, lazy, type Infer } from './route';

const canteenParams = lazy(() => communityItemParams('canteenId'));
const orderParams = lazy(() => communityItemParams('orderId'));

/** A calendar date in Asia/Shanghai, YYYY-MM-DD. */
const MenuDate = lazy(() => z.iso.date());
const Month = lazy(() => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')));
/** Why staff hand over or mark delivered outside the meal's time; kept on the order. */
const OverrideReason = lazy(() => z.string().check(z.trim(), z.minLength(2, '请填写原因'), z.maxLength(100)));
const ClockTime = lazy(() => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')));

export const MealName = lazy(() => z.enum(['breakfast', 'lunch', 'dinner']));
export type MealName = Infer<typeof MealName>;
export const DishTagName = lazy(() => z.enum(['低盐', '低糖', '软烂', '清真', '素食']));
export const Fulfilment = lazy(() => z.enum(['pickup', 'delivery']));
export type Fulfilment = Infer<typeof Fulfilment>;

const menuParams = lazy(() =>
  z.strictObject({ communityId: Id(), canteenId: Id(), date: MenuDate(), meal: MealName() }),
);

export const MealTimes = lazy(() =>
  z.strictObject({ meal: MealName(), cutoff: ClockTime(), pickupStart: ClockTime(), pickupEnd: ClockTime() }),
);

export const DeliveryFeeRule = lazy(() =>
  z.strictObject({
    feeFen: z.int().check(z.gte(0), z.lte(10_000, '送餐费最多 100 元')),
    freeFromAge: z.optional(z.int().check(z.gte(0), z.lte(120))),
  }),
);

/** A canteen with the meals it serves and its delivery fee rule. */
export const Canteen = lazy(() =>
  z.object({
    canteenId: Id(),
    communityId: Id(),
    name: z.string(),
    place: z.string(),
    meals: z.array(MealTimes()),
    deliveryFee: DeliveryFeeRule(),
  }),
);
export type Canteen = Infer<typeof Canteen>;

const CanteenInput = lazy(() =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2, '请输入食堂名称'), z.maxLength(30)),
    place: z.string().check(z.trim(), z.minLength(2, '请输入地点'), z.maxLength(60)),
    meals: z.array(MealTimes()).check(z.minLength(1, '至少供应一餐'), z.maxLength(3)),
    deliveryFee: DeliveryFeeRule(),
  }),
);

export const SubsidyBand = lazy(() =>
  z.strictObject({
    minAge: z.int().check(z.gte(0), z.lte(120)),
    maxAge: z.optional(z.int().check(z.gte(0), z.lte(120))),
    subsidyFen: z.int().check(z.gte(0), z.lte(10_000, '每餐补贴最多 100 元')),
  }),
);
export type SubsidyBand = Infer<typeof SubsidyBand>;

export const CanteenSettings = lazy(() => z.object({ subsidyBands: z.array(SubsidyBand()) }));
export type CanteenSettings = Infer<typeof CanteenSettings>;

const DishInput = lazy(() =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1, '请输入菜名'), z.maxLength(30)),
    priceFen: z.int().check(z.gte(0), z.lte(100_000)),
    portions: z.int().check(z.gte(1, '份数至少为 1'), z.lte(2000)),
    perPersonLimit: z.int().check(z.gte(1, '每人限购至少 1 份'), z.lte(20)),
    tags: z.optional(z.array(DishTagName()).check(z.maxLength(5))),
    photoUrl: z.optional(z.url().check(z.maxLength(500))),
    /** For a set meal (套餐): what it contains. */
    setItems: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(20))).check(z.maxLength(8))),
  }),
);

/** A dish on a published menu, with what is left. */
export const Dish = lazy(() =>
  z.object({
    dishId: Id(),
    name: z.string(),
    priceFen: Fen(),
    portions: z.int(),
    left: z.int(),
    perPersonLimit: z.int(),
    tags: z.array(z.string()),
    photoUrl: z.optional(z.string()),
    setItems: z.optional(z.array(z.string())),
  }),
);
export type Dish = Infer<typeof Dish>;

/** A published menu: one canteen, one date, one meal. */
export const Menu = lazy(() =>
  z.object({
    communityId: Id(),
    canteenId: Id(),
    canteenName: z.string(),
    canteenPlace: z.string(),
    date: z.string(),
    meal: MealName(),
    cutoffAt: IsoTime(),
    pickupStartsAt: IsoTime(),
    pickupEndsAt: IsoTime(),
    dishes: z.array(Dish()),
    publishedAt: IsoTime(),
  }),
);
export type Menu = Infer<typeof Menu>;

/** What one member may expect when ordering from a menu. */
export const Diner = lazy(() =>
  z.object({
    memberId: Id(),
    name: z.string(),
    age: z.int(),
    band: z.optional(z.string()),
    /** The subsidy this member would get on this meal (0 when none or already used). */
    subsidyFen: Fen(),
    subsidyUsed: z.boolean(),
    deliveryEligible: z.boolean(),
    deliveryFeeFen: Fen(),
  }),
);
export type Diner = Infer<typeof Diner>;

export const MenuDetail = lazy(() => z.object({ menu: Menu(), diner: z.nullable(Diner()) }));
export type MenuDetail = Infer<typeof MenuDetail>;

const OrderLineInput = lazy(() =>
  z.strictObject({ dishId: Id(), quantity: z.int().check(z.gte(1, '份数至少为 1'), z.lte(20, '份数最多 20')) }),
);

const OrderInput = lazy(() =>
  z.strictObject({
    lines: z.array(OrderLineInput()).check(z.minLength(1, '请至少选择一道菜'), z.maxLength(10, '一单最多 10 道菜')),
    fulfilment: Fulfilment(),
    note: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  }),
);

export const PriceBreakdown = lazy(() =>
  z.object({
    itemsFen: Fen(),
    subsidyFen: Fen(),
    deliveryFeeFen: Fen(),
    amountDueFen: Fen(),
    band: z.optional(z.string()),
  }),
);
export type PriceBreakdown = Infer<typeof PriceBreakdown>;

export const Quote = lazy(() =>
  z.object({
    lines: z.array(
      z.object({ dishId: Id(), name: z.string(), unitPriceFen: Fen(), quantity: z.int(), lineFen: Fen() }),
    ),
    price: PriceBreakdown(),
    fulfilment: Fulfilment(),
  }),
);
export type Quote = Infer<typeof Quote>;

export const OrderStatus = lazy(() =>
  z.enum(['placed', 'cancelled', 'picked_up', 'out_for_delivery', 'delivered', 'received']),
);
export type OrderStatus = Infer<typeof OrderStatus>;
export const PaymentStatus = lazy(() => z.enum(['unpaid', 'paid_at_pickup', 'paid_on_delivery']));

/** An order of one member for one meal. */
export const MealOrder = lazy(() =>
  z.object({
    orderId: Id(),
    communityId: Id(),
    canteenId: Id(),
    canteenName: z.string(),
    date: z.string(),
    meal: MealName(),
    memberId: Id(),
    memberName: z.string(),
    address: z.object({ buildingName: z.string(), unitName: z.string(), room: z.string() }),
    /** Who placed it: the member, a caregiver (代办) or staff taking a phone order. */
    placedBy: z.object({ userId: Id(), name: z.string(), via: z.enum(['self', 'caregiver', 'staff']) }),
    lines: z.array(
      z.object({ dishId: Id(), name: z.string(), unitPriceFen: Fen(), quantity: z.int(), lineFen: Fen() }),
    ),
    price: PriceBreakdown(),
    fulfilment: Fulfilment(),
    note: z.optional(z.string()),
    status: OrderStatus(),
    paymentStatus: PaymentStatus(),
    cutoffAt: IsoTime(),
    pickupStartsAt: IsoTime(),
    pickupEndsAt: IsoTime(),
    /** Shown to the member's side only. */
    pickupCode: z.optional(z.string()),
    qrPayload: z.optional(z.string()),
    volunteer: z.optional(z.object({ userId: Id(), name: z.string() })),
    createdAt: IsoTime(),
    cancelledAt: z.optional(IsoTime()),
    handedOverAt: z.optional(IsoTime()),
    deliveredAt: z.optional(IsoTime()),
    receivedAt: z.optional(IsoTime()),
    /** Staff acted outside the meal's service window: what, why, who, when. */
    timeOverride: z.optional(
      z.object({
        action: z.enum(['hand_over', 'delivered']),
        reason: z.string(),
        byName: z.string(),
        at: IsoTime(),
      }),
    ),
  }),
);
export type MealOrder = Infer<typeof MealOrder>;

/** Orders of one building's unit, for the kitchen and the volunteers. */
export const DeliveryGroup = lazy(() =>
  z.object({ buildingName: z.string(), unitName: z.string(), orders: z.array(MealOrder()) }),
);
export type DeliveryGroup = Infer<typeof DeliveryGroup>;

export const KitchenView = lazy(() =>
  z.object({
    menu: Menu(),
    tally: z.array(
      z.object({
        dishId: Id(),
        name: z.string(),
        portions: z.int(),
        left: z.int(),
        ordered: z.int(),
        pickup: z.int(),
        delivery: z.int(),
      }),
    ),
    orders: z.object({ pickup: z.int(), delivery: z.int(), cancelled: z.int(), handedOver: z.int() }),
    deliveries: z.array(DeliveryGroup()),
  }),
);
export type KitchenView = Infer<typeof KitchenView>;

export const Settlement = lazy(() =>
  z.object({
    canteenId: Id(),
    date: z.string(),
    orders: z.int(),
    cancellations: z.int(),
    mealsServed: z.int(),
    itemsFen: Fen(),
    subsidyFen: Fen(),
    deliveryFeeFen: Fen(),
    revenueFen: Fen(),
    byBand: z.array(z.object({ band: z.string(), orders: z.int(), subsidyFen: Fen() })),
    byMeal: z.array(z.object({ meal: MealName(), orders: z.int(), revenueFen: Fen() })),
  }),
);
export type Settlement = Infer<typeof Settlement>;

export const MonthlyMeals = lazy(() =>
  z.object({
    month: z.string(),
    days: z.array(z.object({ date: z.string(), orders: z.int(), meals: z.int(), served: z.int() })),
  }),
);
export type MonthlyMeals = Infer<typeof MonthlyMeals>;

export const DeliveryEligibility = lazy(() =>
  z.object({
    memberId: Id(),
    name: z.string(),
    age: z.int(),
    address: z.object({ buildingName: z.string(), unitName: z.string(), room: z.string() }),
    eligible: z.boolean(),
    reason: z.optional(z.string()),
  }),
);
export type DeliveryEligibility = Infer<typeof DeliveryEligibility>;

const staffOnly = ['staff'] as const;
const diners = ['resident', 'staff'] as const;

export const canteenRoutes = {
  listCanteens: defineRoute({
    id: 'listCanteens',
    method: 'GET',
    path: '/community/:communityId/canteens',
    summary: '社区食堂与餐次设置',
    domain: 'canteen',
    roles: ['resident', 'volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ canteens: z.array(Canteen()) }) }),
  }),
  saveCanteen: defineRoute({
    id: 'saveCanteen',
    method: 'PUT',
    path: '/community/:communityId/canteens/:canteenId',
    summary: '设置食堂：名称、地点、餐次（截止与取餐时间）、送餐费',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: true,
    schemas: () => ({ params: canteenParams(), body: CanteenInput(), response: Canteen() }),
  }),
  getCanteenSettings: defineRoute({
    id: 'getCanteenSettings',
    method: 'GET',
    path: '/community/:communityId/canteen-settings',
    summary: '助餐补贴规则（按年龄段）',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: CanteenSettings() }),
  }),
  saveCanteenSettings: defineRoute({
    id: 'saveCanteenSettings',
    method: 'PUT',
    path: '/community/:communityId/canteen-settings',
    summary: '修改助餐补贴规则',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({ subsidyBands: z.array(SubsidyBand()).check(z.maxLength(10)) }),
      response: CanteenSettings(),
    }),
  }),
  listDeliveryEligibility: defineRoute({
    id: 'listDeliveryEligibility',
    method: 'GET',
    path: '/community/:communityId/canteen-delivery',
    summary: '可送餐上门的居民名单',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: z.object({ members: z.array(DeliveryEligibility()) }) }),
  }),
  setDeliveryEligibility: defineRoute({
    id: 'setDeliveryEligibility',
    method: 'PUT',
    path: '/community/:communityId/canteen-delivery/:memberId',
    summary: '登记或取消送餐上门资格（高龄、行动不便）',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityItemParams('memberId'),
      body: z.strictObject({
        eligible: z.boolean(),
        reason: z.optional(z.string().check(z.trim(), z.maxLength(50))),
      }),
      response: DeliveryEligibility(),
    }),
  }),
  publishMenu: defineRoute({
    id: 'publishMenu',
    method: 'POST',
    path: '/community/:communityId/canteens/:canteenId/menus',
    summary: '发布某天某餐的菜单',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: canteenParams(),
      body: z.strictObject({
        date: MenuDate(),
        meal: MealName(),
        dishes: z.array(DishInput()).check(z.minLength(1, '请至少添加一道菜'), z.maxLength(30)),
      }),
      response: Menu(),
    }),
  }),
  listMenus: defineRoute({
    id: 'listMenus',
    method: 'GET',
    path: '/community/:communityId/menus',
    summary: '菜单：默认今明两天（days=7 或 14 看更多天）',
    domain: 'canteen',
    roles: ['resident', 'volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ days: z.optional(z.enum(['2', '7', '14'])) }),
      response: z.object({ today: z.string(), menus: z.array(Menu()) }),
    }),
  }),
  getMenu: defineRoute({
    id: 'getMenu',
    method: 'GET',
    path: '/community/:communityId/canteens/:canteenId/menus/:date/:meal',
    summary: '菜单详情，以及点餐人的补贴与送餐资格',
    domain: 'canteen',
    roles: diners,
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ params: menuParams(), response: MenuDetail() }),
  }),
  quoteOrder: defineRoute({
    id: 'quoteOrder',
    method: 'POST',
    path: '/community/:communityId/canteens/:canteenId/menus/:date/:meal/quote',
    summary: '计算订单价格（菜品合计、补贴、送餐费、应付）',
    domain: 'canteen',
    roles: diners,
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ params: menuParams(), body: OrderInput(), response: Quote() }),
  }),
  placeOrder: defineRoute({
    id: 'placeOrder',
    method: 'POST',
    path: '/community/:communityId/canteens/:canteenId/menus/:date/:meal/orders',
    summary: '订餐（到店取餐或送餐上门）',
    domain: 'canteen',
    roles: diners,
    scope: 'community',
    idempotent: true,
    actingFor: true,
    successStatus: 201,
    schemas: () => ({ params: menuParams(), body: OrderInput(), response: MealOrder() }),
  }),
  getOrder: defineRoute({
    id: 'getOrder',
    method: 'GET',
    path: '/community/:communityId/canteen-orders/:orderId',
    summary: '订单详情与取餐码',
    domain: 'canteen',
    roles: diners,
    scope: 'community',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ params: orderParams(), response: MealOrder() }),
  }),
  cancelOrder: defineRoute({
    id: 'cancelOrder',
    method: 'POST',
    path: '/community/:communityId/canteen-orders/:orderId/cancel',
    summary: '取消订单（截止时间前），份数退回',
    domain: 'canteen',
    roles: diners,
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({ params: orderParams(), response: MealOrder() }),
  }),
  listMyOrders: defineRoute({
    id: 'listMyOrders',
    method: 'GET',
    path: '/me/canteen-orders',
    summary: '我的订餐',
    domain: 'canteen',
    roles: diners,
    scope: 'none',
    idempotent: false,
    actingFor: true,
    schemas: () => ({ response: z.object({ orders: z.array(MealOrder()) }) }),
  }),
  getKitchen: defineRoute({
    id: 'getKitchen',
    method: 'GET',
    path: '/community/:communityId/canteens/:canteenId/menus/:date/:meal/kitchen',
    summary: '后厨备餐：每道菜份数、取餐与送餐单数、按楼栋单元的送餐名单',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: menuParams(), response: KitchenView() }),
  }),
  handOver: defineRoute({
    id: 'handOver',
    method: 'POST',
    path: '/community/:communityId/canteens/:canteenId/menus/:date/:meal/hand-over',
    summary: '取餐核销：扫描取餐二维码或输入取餐码',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: menuParams(),
      body: z.strictObject({
        code: z.string().check(z.trim(), z.minLength(4), z.maxLength(200)),
        /** Only outside the meal's service window (else refused with OUTSIDE_MEAL_TIME). */
        overrideReason: z.optional(OverrideReason()),
      }),
      response: MealOrder(),
    }),
  }),
  listDeliveryTasks: defineRoute({
    id: 'listDeliveryTasks',
    method: 'GET',
    path: '/community/:communityId/canteen-deliveries',
    summary: '送餐任务（按楼栋、单元）',
    domain: 'canteen',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({ date: z.optional(MenuDate()) }),
      response: z.object({ date: z.string(), groups: z.array(DeliveryGroup()) }),
    }),
  }),
  claimDelivery: defineRoute({
    id: 'claimDelivery',
    method: 'POST',
    path: '/community/:communityId/canteen-orders/:orderId/claim',
    summary: '志愿者领取送餐任务',
    domain: 'canteen',
    roles: ['volunteer'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({ params: orderParams(), response: MealOrder() }),
  }),
  markDelivered: defineRoute({
    id: 'markDelivered',
    method: 'POST',
    path: '/community/:communityId/canteen-orders/:orderId/delivered',
    summary: '志愿者标记已送达（供餐时间内；时间外由社区工作人员填写原因）',
    domain: 'canteen',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: orderParams(),
      body: z.strictObject({ overrideReason: z.optional(OverrideReason()) }),
      response: MealOrder(),
    }),
  }),
  getDeliveryContact: defineRoute({
    id: 'getDeliveryContact',
    method: 'GET',
    path: '/community/:communityId/canteen-orders/:orderId/contact',
    summary: '送餐志愿者联系这户（本人或同户家人的电话）',
    domain: 'canteen',
    roles: ['volunteer', 'staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: orderParams(),
      response: z.object({ name: z.string(), phone: z.string() }),
    }),
  }),
  confirmDelivery: defineRoute({
    id: 'confirmDelivery',
    method: 'POST',
    path: '/community/:communityId/canteen-orders/:orderId/confirm-delivery',
    summary: '确认收到送餐（本人、家属或社区）',
    domain: 'canteen',
    roles: diners,
    scope: 'community',
    idempotent: true,
    actingFor: true,
    schemas: () => ({ params: orderParams(), response: MealOrder() }),
  }),
  getSettlement: defineRoute({
    id: 'getSettlement',
    method: 'GET',
    path: '/community/:communityId/canteens/:canteenId/settlement',
    summary: '日结：收入、按年龄段的补贴、订单与取消',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: canteenParams(),
      query: z.strictObject({ date: MenuDate() }),
      response: Settlement(),
    }),
  }),
  exportSettlement: defineRoute({
    id: 'exportSettlement',
    method: 'GET',
    path: '/community/:communityId/canteens/:canteenId/settlement/export',
    summary: '导出日结明细（CSV）',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: canteenParams(),
      query: z.strictObject({ date: MenuDate() }),
      response: z.object({ filename: z.string(), csv: z.string() }),
    }),
  }),
  getMonthlyMeals: defineRoute({
    id: 'getMonthlyMeals',
    method: 'GET',
    path: '/community/:communityId/canteens/:canteenId/settlement/month',
    summary: '本月每天供餐份数',
    domain: 'canteen',
    roles: staffOnly,
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: canteenParams(), query: z.strictObject({ month: Month() }), response: MonthlyMeals() }),
  }),
} as const;
