/** Signs the component tests in as 刘晶, staff of 安居苑, and answers the API from a table. */
import { setStorageSync } from './taro-mock';
import { serveApi, type Answer, type SentRequest } from './miniapp-api';
import { accessTokenWith, newcomer } from './miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../miniapp/src/services/api';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../miniapp/src/services/session';

export const STAFF = newcomer({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }] });

/** Stores 刘晶's session and serves `routes` (with GET /me); returns the requests sent. */
export function serveAsStaff(routes: Record<string, Answer>): SentRequest[] {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(STAFF.grants));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, STAFF.userId);
  resetSessionCache();
  return serveApi({ 'GET /me': STAFF, ...routes });
}
