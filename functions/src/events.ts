/**
 * Every outbox event, the merge of the features' declarations (as domains.ts merges their
 * routes): adding a feature's events is one line here.
 */
import type { AgendaEvent } from './agenda/events';
import type { CanteenEvent } from './canteen/events';
import type { CareEvent } from './care/events';
import type { NeedEvent } from './care/need-events';
import type { CouncilEvent } from './council/events';
import type { IdentityEvent } from './identity/events';
import type { NotifyEvent } from './notify/events';
import type { PointsEvent } from './points/events';

export type OutboxEvent =
  CouncilEvent | IdentityEvent | AgendaEvent | CanteenEvent | PointsEvent | NotifyEvent | CareEvent | NeedEvent;
