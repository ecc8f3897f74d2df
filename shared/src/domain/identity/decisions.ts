/** An application or a link waits for staff; a decision is taken once. */
export type ReviewStatus = 'pending' | 'approved' | 'rejected';

/** Days after which a pending item is marked overdue in the staff queue. */
export const OVERDUE_AFTER_DAYS = 3;

/** Whether an item created at `createdAt` (ISO) is overdue at `now`. */
export function isOverdue(createdAt: string, now: Date = new Date()): boolean {
  return now.getTime() - Date.parse(createdAt) > OVERDUE_AFTER_DAYS * 24 * 60 * 60 * 1000;
}
