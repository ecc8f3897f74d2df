import type { Body, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { loadMe } from '../services/me';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type Household = Reply<Routes['listHousehold']>;
export type DependentLinkRequest = Body<Routes['requestDependentLink']>;

/** The other verified members of my household (GET /me/household). */
export function useHousehold(enabled: boolean) {
  return useRequest<Household | undefined>(`household:${enabled}`, () =>
    enabled ? api.call('listHousehold', { toast: false }) : Promise.resolve(undefined),
  );
}

/** 绑定家人 (POST /dependents); 我的 reloads so it shows 待确认. */
export function useRequestDependentLink() {
  return useMutation(async (body: DependentLinkRequest) => {
    const link = await api.call('requestDependentLink', { body });
    await loadMe();
    return link;
  });
}
