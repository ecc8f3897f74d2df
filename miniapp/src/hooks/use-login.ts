import type { Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { loadMe } from '../services/me';
import { loginWithCode, loginWithWechat, newcomerCode } from '../services/session';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type DevLogins = Reply<Routes['listDevLogins']>;

/** The local stack's demo users (GET /auth/dev-logins); the page shows why when it is off. */
export function useDevLogins() {
  return useRequest<DevLogins>('dev-logins', () => api.call('listDevLogins', { toast: false }));
}

/** Logging in: by WeChat, as a demo user, or as a brand-new demo resident. Resolves true on success. */
export function useLogin() {
  const login = useMutation(async (how: { code: string } | 'wechat') => {
    if (how === 'wechat') await loginWithWechat();
    else await loginWithCode(how.code);
    await loadMe();
    return true;
  });
  return {
    loginWithWechat: () => login.submit('wechat'),
    loginAs: (code: string) => login.submit({ code }),
    loginAsNewcomer: () => login.submit({ code: newcomerCode() }),
    pending: login.pending,
  };
}
