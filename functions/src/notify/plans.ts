/**
 * What an event means to people: who hears of it, the in-app message, and the WeChat
 * subscribe message where one fits. Each feature declares the plans of its own events
 * (<feature>/notify-plans.ts); this table merges them. Pure: the notifier loads the facts first.
 */
import { agendaPlans } from '../agenda';
import { canteenPlans } from '../canteen';
import { councilPlans } from '../council';
import type { OutboxEvent } from '../events';
import { identityPlans } from '../identity';
import { pointsPlans } from '../points';
import { notifyPlans } from './notify-plans';
import type { Facts, Plan, PlanTable } from './plan-kit';

export type { Facts, Plan, SessionFacts } from './plan-kit';

const PLANS: PlanTable<OutboxEvent> = {
  ...councilPlans,
  ...identityPlans,
  ...agendaPlans,
  ...canteenPlans,
  ...pointsPlans,
  ...notifyPlans,
};

/** The notifications an event produces (none for events that people need not hear of). */
export function planFor(event: OutboxEvent, facts: Facts): Plan | undefined {
  const plan = PLANS[event.type] as ((e: OutboxEvent, f: Facts) => Plan | undefined) | undefined;
  return plan?.(event, facts);
}
