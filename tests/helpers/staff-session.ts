/** Signs the component tests in as 刘晶, staff of 安居苑, and answers the API from a table. */
import type { Answer, SentRequest } from './miniapp-api';
import { newcomer } from './miniapp-fixtures';
import { signedInAs } from './signed-in';

export const STAFF = newcomer({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }] });

/** Stores 刘晶's session and serves `routes` (with GET /me); returns the requests sent. */
export function serveAsStaff(routes: Record<string, Answer>): SentRequest[] {
  return signedInAs(STAFF, routes);
}
