import type { Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useRequest } from './use-request';

export type Community = Reply<Routes['getCommunity']>;

/** The community's grids, buildings and units (GET /community/:id). */
export function useCommunity(id: string | undefined) {
  return useRequest<Community | undefined>(`community:${id ?? ''}`, () =>
    id ? api.call('getCommunity', { params: { id } }) : Promise.resolve(undefined),
  );
}
