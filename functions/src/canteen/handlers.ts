import { canteenRoutes } from '@linli/shared/contract/canteen';
import { defineDomain } from '../platform/lambda-router';
import * as canteen from './service';

export const canteenDomain = defineDomain(
  'canteen',
  canteenRoutes,
)({
  listCanteens: async ({ params }) => canteen.listCanteens(params.communityId),
  saveCanteen: async ({ params, body }) => canteen.saveCanteen(params.communityId, params.canteenId, body),
  getCanteenSettings: async ({ params }) => canteen.getSettings(params.communityId),
  saveCanteenSettings: async ({ params, body }) => canteen.saveSettings(params.communityId, body.subsidyBands),
  listDeliveryEligibility: async ({ params }) => canteen.listDeliveryEligibility(params.communityId),
  setDeliveryEligibility: async ({ principal, params, body }) =>
    canteen.setDeliveryEligibility(principal, params.communityId, params.memberId, body),
  publishMenu: async ({ principal, params, body }) =>
    canteen.publishMenu(principal, params.communityId, params.canteenId, body),
  listMenus: async ({ params, query }) => canteen.listMenus(params.communityId, Number(query.days ?? '2')),
  getMenu: async ({ principal, onBehalfOf, params }) =>
    canteen.getMenuDetail(principal, onBehalfOf, params.communityId, params.canteenId, params.date, params.meal),
  quoteOrder: async ({ principal, onBehalfOf, params, body }) =>
    canteen.quoteOrder(principal, onBehalfOf, params.communityId, params.canteenId, params.date, params.meal, body),
  placeOrder: async ({ principal, onBehalfOf, params, body }) =>
    canteen.placeOrder(principal, onBehalfOf, params.communityId, params.canteenId, params.date, params.meal, body),
  getOrder: async ({ principal, onBehalfOf, params }) =>
    canteen.getOrder(principal, onBehalfOf, params.communityId, params.orderId),
  cancelOrder: async ({ principal, onBehalfOf, params }) =>
    canteen.cancelOrder(principal, onBehalfOf, params.communityId, params.orderId),
  listMyOrders: async ({ principal, onBehalfOf }) => canteen.listMyOrders(principal, onBehalfOf),
  getKitchen: async ({ params }) => canteen.getKitchen(params.communityId, params.canteenId, params.date, params.meal),
  handOver: async ({ principal, params, body }) =>
    canteen.handOver(principal, params.communityId, params.canteenId, params.date, params.meal, body.code),
  listDeliveryTasks: async ({ params, query }) => canteen.listDeliveryTasks(params.communityId, query.date),
  claimDelivery: async ({ principal, params }) => canteen.claimDelivery(principal, params.communityId, params.orderId),
  markDelivered: async ({ principal, params }) => canteen.markDelivered(principal, params.communityId, params.orderId),
  confirmDelivery: async ({ principal, onBehalfOf, params }) =>
    canteen.confirmDelivery(principal, onBehalfOf, params.communityId, params.orderId),
  getSettlement: async ({ params, query }) => canteen.getSettlement(params.communityId, params.canteenId, query.date),
  exportSettlement: async ({ params, query }) =>
    canteen.exportSettlement(params.communityId, params.canteenId, query.date),
  getMonthlyMeals: async ({ params, query }) =>
    canteen.getMonthlyMeals(params.communityId, params.canteenId, query.month),
});
