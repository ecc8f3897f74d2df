import type { Body, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { loadMe } from '../services/me';
import { useMutation } from './use-mutation';

export type MembershipForm = Body<Routes['applyMembership']>;

/** 申请居民认证 (POST /memberships); 我的 reloads so it shows 审核中. */
export function useApplyMembership() {
  return useMutation(async (body: MembershipForm) => {
    const application = await api.call('applyMembership', { body });
    await loadMe();
    return application;
  });
}
