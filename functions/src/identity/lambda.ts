import { identityDomain } from './handlers';

/** Lambda entry for the identity domain (login, membership, dependents, members). */
export const handler = identityDomain.handler;
