/** The care feature's public face: what other features and the stream consumers may use of it. */
export type { CareEvent } from './events';
export { writeVisitReminders } from './visit-reminders';
export type { NeedEvent } from './need-events';
export { needIntakeWrites, type NeedIntakeInput, type TransactWriteItem } from './need-intake';
