/** Signs a component test in as someone, the way the app keeps a session after login, and serves the API. */
import { setStorageSync } from './taro-mock';
import { serveApi, type Answer, type SentRequest } from './miniapp-api';
import { accessTokenWith } from './miniapp-fixtures';
import type { Me } from '../../miniapp/src/services/me';
import { TOKEN_STORAGE_KEY } from '../../miniapp/src/services/api';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../miniapp/src/services/session';

/**
 * Stores `answer`'s session and serves `routes` with GET /me answering `answer`; returns the
 * requests sent. The access token carries `tokenName` (the fixtures' 王桂芳 unless given).
 */
export function signedInAs(answer: Me, routes: Record<string, Answer> = {}, tokenName?: string): SentRequest[] {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants, tokenName));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
  resetSessionCache();
  return serveApi({ 'GET /me': answer, ...routes });
}

/** Answers a detail with `first` until the step was sent (its answer made by `change`), then with `after`. */
export function beforeAndAfter(first: object, after: object) {
  let changed = false;
  return {
    detail: () => (changed ? after : first),
    change: (answer: object) => (_: SentRequest) => {
      changed = true;
      return answer;
    },
  };
}
