import { rosterDomain } from './handlers';

/** Lambda entry for the roster domain (居民台账 import and list). */
export const handler = rosterDomain.handler;
