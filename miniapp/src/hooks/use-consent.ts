import type { Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useRequest } from './use-request';

export type ConsentList = Reply<Routes['listConsent']>;

/** 消息提醒: how many WeChat messages of each kind I can still receive (each consent allows one). */
export function useConsent(userId: string) {
  return useRequest<ConsentList>(`consent:${userId}`, () => api.call('listConsent', { toast: false }));
}
