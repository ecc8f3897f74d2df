import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { CANTEEN_ERRORS } from '@linli/shared/domain/canteen/errors';
import { canteenRoutes } from '@linli/shared/contract/canteen';
import { resolveActingSubject } from '../identity';
import { onlyPassedPhotos, requestMediaChecks } from '../moderation';
import { defineDomain } from '../platform/lambda-router';
import * as delivery from './delivery';
import * as kitchen from './kitchen';
import * as menus from './menus';
import * as ordering from './ordering';
import * as settlement from './settlement';
import * as setup from './setup';

export const canteenDomain = defineDomain('canteen', canteenRoutes, {
  errorTables: [IDENTITY_ERRORS, CANTEEN_ERRORS],
  actingFor: resolveActingSubject,
  // Reads, then one transaction that holds the order and its answer.
  answeredInTransaction: ['placeOrder'],
})({
  listCanteens: async ({ params }) => setup.listCanteens(params.communityId),
  saveCanteen: async ({ params, body }) => setup.saveCanteen(params, body),
  getCanteenSettings: async ({ params }) => setup.getSettings(params.communityId),
  saveCanteenSettings: async ({ params, body }) => setup.saveSettings(params.communityId, body.subsidyBands),
  listDeliveryEligibility: async ({ params }) => setup.listDeliveryEligibility(params.communityId),
  setDeliveryEligibility: async ({ principal, params, body }) => setup.setDeliveryEligibility(principal, params, body),
  // Dish photos go to WeChat's async image check; residents see a photo only once it has passed.
  publishMenu: async ({ principal, params, body }) =>
    menus.publishMenu(principal, params, body).then(async (menu) => {
      await requestMediaChecks(
        principal.userId,
        body.dishes.map((d) => d.photoUrl),
      );
      return menu;
    }),
  listMenus: async ({ params, query }) => {
    const list = await menus.listMenus(params.communityId, Number(query.days ?? '2'));
    return { ...list, menus: await onlyPassedPhotos(list.menus) };
  },
  getMenu: async (request) => {
    const detail = await menus.getMenuDetail(request, request.params);
    return { ...detail, menu: (await onlyPassedPhotos([detail.menu]))[0]! };
  },
  quoteOrder: async (request) => ordering.quoteOrder(request, request.params, request.body),
  placeOrder: async (request) => ordering.placeOrder(request, request.params, request.body),
  getOrder: async (request) => ordering.getOrder(request, request.params),
  cancelOrder: async (request) => ordering.cancelOrder(request, request.params),
  listMyOrders: async (request) => ordering.listMyOrders(request),
  getKitchen: async ({ params }) => kitchen.getKitchen(params),
  handOver: async ({ principal, params, body }) => kitchen.handOver(principal, params, body),
  listDeliveryTasks: async ({ params, query }) => delivery.listDeliveryTasks(params.communityId, query.date),
  claimDelivery: async ({ principal, params }) => delivery.claimDelivery(principal, params),
  markDelivered: async ({ principal, params, body }) => delivery.markDelivered(principal, params, body),
  getDeliveryContact: async ({ principal, params }) => delivery.deliveryContact(principal, params),
  confirmDelivery: async (request) => delivery.confirmDelivery(request, request.params),
  getSettlement: async ({ params, query }) => settlement.getSettlement(params, query.date),
  exportSettlement: async ({ params, query }) => settlement.exportSettlement(params, query.date),
  getMonthlyMeals: async ({ params, query }) => settlement.getMonthlyMeals(params, query.month),
});
