/** The care feature's public face: what other features and the stream consumers may use of it. */
export type { CareEvent } from './events';
export { writeVisitReminders } from './visit-reminders';
export type { NeedEvent } from './need-events';
export { needIntakeWrites, type NeedIntakeInput, type TransactWriteItem } from './need-intake';
// The grid function (functions/src/grid) serves the need and visit routes from these.
export { needHandlers } from './need-handlers';
export { careVisitHandlers } from './visit-handlers';
