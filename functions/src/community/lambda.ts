import { communityDomain } from './handlers';

/** Lambda entry for the community domain (health, community structure). */
export const handler = communityDomain.handler;
