import { randomBytes } from 'node:crypto';

/** A fresh id so each test's data stays its own in the shared table. */
export function freshId(prefix = 't'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
