import { gridDomain } from './handlers';

/** Lambda entry for the grid domain (residents' needs, grid workers and their visits). */
export const handler = gridDomain.handler;
