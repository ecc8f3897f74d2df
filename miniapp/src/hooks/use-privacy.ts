import { ERASE_CONFIRMATION } from '@linli/shared/contract/privacy';
import { api } from '../services/api';
import { clearSession } from '../services/session';
import { useMutation } from './use-mutation';

export { ERASE_CONFIRMATION };

/** A copy of my data (GET /me/data), as the JSON text of a file. */
export function useDataCopy() {
  return useMutation(async () => JSON.stringify(await api.call('copyMyData', {}), null, 2));
}

/** 注销账号 (POST /me/erase); on success the session ends here too. */
export function useEraseAccount() {
  return useMutation(async (confirm: string) => {
    const report = await api.call('eraseMyAccount', { body: { confirm: confirm as typeof ERASE_CONFIRMATION } });
    clearSession();
    return report;
  });
}
