import type { Role } from '@linli/shared/contract';

/** Tab pages, for switchTab. */
export const TAB_PAGES = {
  home: '/pages/home/index',
  council: '/pages/council/index',
  canteen: '/pages/canteen/index',
  points: '/pages/points/index',
  mine: '/pages/mine/index',
} as const;

/** Subpackage pages, for navigateTo. */
export const SUB_PAGES = {
  login: '/packages/account/login/index',
  apply: '/packages/account/apply/index',
  findCommunity: '/packages/onboarding/find/index',
  streetConsole: '/packages/street/console/index',
  streetRoles: '/packages/street/roles/index',
  streetFigures: '/packages/street/figures/index',
  staffStructure: '/packages/staff/structure/index',
  invite: '/packages/onboarding/invite/index',
  dependents: '/packages/account/dependents/index',
  privacy: '/packages/account/privacy/index',
  privacyGuide: '/packages/account/privacy-guide/index',
  staffWorkbench: '/packages/staff/workbench/index',
  gridHome: '/packages/grid/home/index',
  gridPerson: '/packages/grid/person/index',
  gridVisit: '/packages/grid/visit/index',
  staffGrid: '/packages/staff/care/grid/index',
  staffGridWorkers: '/packages/staff/care/grid/workers/index',
  staffGridIntervals: '/packages/staff/care/grid/intervals/index',
  staffReviews: '/packages/staff/reviews/index',
  staffLinks: '/packages/staff/links/index',
  staffRegister: '/packages/staff/register/index',
  staffMembers: '/packages/staff/members/index',
  staffRoster: '/packages/staff/roster/index',
  staffRosterList: '/packages/staff/roster/list/index',
  councilSession: '/packages/council/session/index',
  councilBookings: '/packages/council/bookings/index',
  staffCouncil: '/packages/staff/council/index',
  staffVenues: '/packages/staff/council/venues/index',
  staffSchedule: '/packages/staff/council/schedule/index',
  staffAttendees: '/packages/staff/council/attendees/index',
  staffBookFor: '/packages/staff/council/book-for/index',
  merchantCenter: '/packages/merchant/center/index',
  pointsHistory: '/packages/points/history/index',
  pointsActivities: '/packages/points/activities/index',
  pointsMerchants: '/packages/points/merchants/index',
  pointsRedeem: '/packages/points/redeem/index',
  pointsStars: '/packages/points/history/index?view=stars',
  staffPoints: '/packages/staff/points/index',
  staffActivity: '/packages/staff/points/activity/index',
  staffPointsAdjust: '/packages/staff/points/adjust/index',
  messages: '/packages/messages/index/index',
  staffNotifyStats: '/packages/staff/notify-stats/index',
  agenda: '/packages/agenda/index/index',
  agendaSubmit: '/packages/agenda/submit/index',
  agendaMine: '/packages/agenda/mine/index',
  agendaBoard: '/packages/agenda/board/index',
  staffAgenda: '/packages/staff/agenda/index',
  staffAgendaTopic: '/packages/staff/agenda/topic/index',
  staffAgendaRecord: '/packages/staff/agenda/record/index',
  canteenMenu: '/packages/canteen/menu/index',
  canteenOrder: '/packages/canteen/order/index',
  canteenOrders: '/packages/canteen/orders/index',
  canteenDeliveries: '/packages/canteen/deliveries/index',
  staffCanteen: '/packages/staff/canteen/index',
  staffCanteenPublish: '/packages/staff/canteen/publish/index',
  staffCanteenKitchen: '/packages/staff/canteen/kitchen/index',
  staffCanteenSettlement: '/packages/staff/canteen/settlement/index',
  staffCanteenOrderFor: '/packages/staff/canteen/order-for/index',
  staffCanteenDelivery: '/packages/staff/canteen/delivery/index',
  staffCanteenSettings: '/packages/staff/canteen/settings/index',
  careWall: '/packages/care/wall/index',
  carePost: '/packages/care/post/index',
  careMine: '/packages/care/mine/index',
  careWish: '/packages/care/wish/index',
  careClaims: '/packages/care/claims/index',
  careBind: '/packages/care/bind/index',
  staffCare: '/packages/staff/care/index',
  staffCareReview: '/packages/staff/care/review/index',
  staffCareOverview: '/packages/staff/care/overview/index',
  staffCareSettings: '/packages/staff/care/settings/index',
  staffCarePartners: '/packages/staff/care/partners/index',
  staffCareTags: '/packages/staff/care/tags/index',
  staffCarePostFor: '/packages/staff/care/post-for/index',
  careNeedPost: '/packages/care/needs/post/index',
  careNeedMine: '/packages/care/needs/mine/index',
  careNeedTasks: '/packages/care/needs/tasks/index',
  staffCareNeeds: '/packages/staff/care/needs/index',
} as const;

/** Roles as people call them. */
export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  merchant: '商户',
  staff: '社区工作人员',
  admin: '管理员',
  street: '街道管理员',
  partner: '共建单位',
  grid: '网格员',
};

/** Relations a caregiver may have to a dependent, in the contract's order. */
export const RELATIONS = ['父母', '祖父母', '配偶', '子女', '兄弟姐妹', '其他亲属'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * Demo logins instead of WeChat's: always on H5 (which only runs against the local stack), and in
 * mini-program builds when LINLI_DEV_LOGIN says so (on by default for a loopback API URL).
 */
export const DEV_LOGIN = process.env.TARO_ENV === 'h5' || LINLI_DEV_LOGIN;
