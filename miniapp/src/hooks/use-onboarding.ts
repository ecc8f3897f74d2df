import type { Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { loadMe } from '../services/me';
import { saveSession } from '../services/session';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type Street = Reply<Routes['listStreets']>['items'][number];
export type StreetCommunities = Reply<Routes['listStreetCommunities']>;
export type Invite = Reply<Routes['getInvite']>;

/** Every street office, for a newcomer finding their community. */
export const useStreets = () => useRequest('streets', () => api.call('listStreets', {}));

/** A street's communities; nothing until a street is picked. */
export function useStreetCommunities(streetId: string | undefined) {
  return useRequest<StreetCommunities | undefined>(`street:${streetId ?? ''}`, () =>
    streetId ? api.call('listStreetCommunities', { params: { streetId } }) : Promise.resolve(undefined),
  );
}

/** An invite as its code describes it (role, place, validity, status). */
export function useInvite(code: string | undefined) {
  return useRequest<Invite | undefined>(`invite:${code ?? ''}`, () =>
    code ? api.call('getInvite', { params: { code }, toast: false }) : Promise.resolve(undefined),
  );
}

/** Accepts an invite; the new session carries the role at once. */
export function useAcceptInvite() {
  return useMutation(async (code: string) => {
    const session = await api.call('acceptInvite', { params: { code } });
    saveSession(session);
    await loadMe();
    return session;
  });
}
