import type { Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useRequest } from './use-request';

export type Health = Reply<Routes['health']>;

/** The API's health; shown inline, so a failure raises no toast. */
export function useHealth() {
  return useRequest<Health>('health', () => api.call('health', { toast: false }));
}
