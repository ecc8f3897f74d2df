import { privacyDomain } from './handlers';

/** Lambda entry for personal-data rights: account deletion and a copy of one's data. */
export const handler = privacyDomain.handler;
