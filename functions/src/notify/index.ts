/** The notify feature's public face: the direct message other features may write to the outbox. */
export type { NotifyEvent } from './events';
export { unique, type Facts, type Plan, type PlanTable } from './plan-kit';
