import { careDomain } from './handlers';

/** Lambda entry for the care domain (微心愿, partner units, care tags). */
export const handler = careDomain.handler;
