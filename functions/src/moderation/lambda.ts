import { moderationDomain } from './handlers';

/** Lambda entry for WeChat's message push (content security verdicts on photos). */
export const handler = moderationDomain.handler;
