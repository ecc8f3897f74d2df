import { pointsDomain } from './handlers';

/** Lambda entry for the points domain (volunteers, activities, the ledger, merchants, redemption). */
export const handler = pointsDomain.handler;
