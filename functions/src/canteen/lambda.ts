import { canteenDomain } from './handlers';

/** Lambda entry for the canteen domain (menus, orders, pickup, delivery, kitchen, settlement). */
export const handler = canteenDomain.handler;
