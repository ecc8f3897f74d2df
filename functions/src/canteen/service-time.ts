/** The meal's time rule for hand-over and delivery, and the staff override it allows. */
import type { Principal } from '@linli/shared/contract/principal';
import { inServiceWindow, serviceWindow } from '@linli/shared/domain/canteen/rules';
import { DomainError } from '@linli/shared/domain-error';
import type { OrderRecord, TimeOverrideRecord } from './records';

/**
 * Passes inside the meal's service window; outside it only staff who give a reason pass, and the
 * override to record on the order is returned. Anyone else is refused with the window's times,
 * so the screen can say when to come back.
 */
export function checkServiceTime(
  order: Pick<OrderRecord, 'pickupStartsAt' | 'pickupEndsAt'>,
  actor: { principal: Principal; isStaff: boolean },
  action: TimeOverrideRecord['action'],
  overrideReason: string | undefined,
  now: Date,
): TimeOverrideRecord | undefined {
  const reason = overrideReason?.trim() || undefined;
  if (reason && !actor.isStaff) throw new DomainError('MEAL_TIME_OVERRIDE_STAFF_ONLY');
  if (inServiceWindow(order, now)) return undefined;
  if (!reason) throw new DomainError('OUTSIDE_MEAL_TIME', serviceWindow(order));
  return {
    action,
    reason,
    byUserId: actor.principal.userId,
    byName: actor.principal.name,
    at: now.toISOString(),
  };
}
