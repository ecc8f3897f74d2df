import { notifyDomain } from './handlers';

/** Lambda entry for the message centre API (messages, unread count, consent, stats). */
export const handler = notifyDomain.handler;
