import { agendaDomain } from './handlers';

/** Lambda entry for the agenda domain (议题: raise, co-sign, review, schedule, decide, act, rate, 晒事栏). */
export const handler = agendaDomain.handler;
