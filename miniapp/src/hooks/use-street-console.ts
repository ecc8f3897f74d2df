/** The street console (街道工作台): streets, their communities, invites, role holders and audit. */
import type { Body, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import type { Me } from '../services/me';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type ConsoleInvite = Reply<Routes['createStaffInvite']>;
export type RoleHolder = Reply<Routes['listRoleHolders']>['items'][number];
export type AuditEntry = Reply<Routes['listRoleAudit']>['items'][number];
export type StreetCommunity = Reply<Routes['listStreetCommunities']>['items'][number];

/** Whether the signed-in user is a platform admin. */
export const isAdmin = (me: Pick<Me, 'grants'> | undefined) => me?.grants.some((g) => g.role === 'admin') ?? false;

/** The streets a user operates (a street operator's grants), in grant order. */
export function operatedStreets(me: Pick<Me, 'grants'> | undefined): string[] {
  const ids = (me?.grants ?? []).flatMap((g) => (g.role === 'street' && g.streetId ? [g.streetId] : []));
  return [...new Set(ids)];
}

/** Whether 我的 and 首页 should offer the street console. */
export const mayUseStreetConsole = (me: Pick<Me, 'grants'> | undefined) =>
  isAdmin(me) || operatedStreets(me).length > 0;

export const useAllStreets = () => useRequest('console:streets', () => api.call('listStreets', {}));

export function useStreetOverview(streetId: string) {
  return useRequest(`console:street:${streetId}`, () => api.call('listStreetCommunities', { params: { streetId } }));
}

export const useCreateStreet = () =>
  useMutation((body: Body<Routes['createStreet']>) => api.call('createStreet', { body }));

export const useOperatorInvite = (streetId: string) =>
  useMutation((inviteeName: string) =>
    api.call('createOperatorInvite', { params: { streetId }, body: { inviteeName } }),
  );

export const useCreateCommunity = (streetId: string) =>
  useMutation((body: Body<Routes['createCommunity']>) => api.call('createCommunity', { params: { streetId }, body }));

export const useUpdateCommunity = (streetId: string) =>
  useMutation(({ communityId, ...body }: { communityId: string; name: string; address: string }) =>
    api.call('updateCommunity', { params: { streetId, communityId }, body }),
  );

export const useStaffInvite = (streetId: string) =>
  useMutation(({ communityId, inviteeName }: { communityId: string; inviteeName: string }) =>
    api.call('createStaffInvite', { params: { streetId, communityId }, body: { inviteeName } }),
  );

export const useStreetInvites = (streetId: string) =>
  useRequest(`console:invites:${streetId}`, () => api.call('listInvites', { params: { streetId } }));

export const useRevokeInvite = (streetId: string) =>
  useMutation((code: string) => api.call('revokeInvite', { params: { streetId, code } }));

export const useRoleHolders = (streetId: string) =>
  useRequest(`console:holders:${streetId}`, () => api.call('listRoleHolders', { params: { streetId } }));

export const useRevokeRole = (streetId: string) =>
  useMutation((body: Body<Routes['revokeRole']>) => api.call('revokeRole', { params: { streetId }, body }));

export const useRoleAudit = (streetId: string) =>
  useRequest(`console:audit:${streetId}`, () => api.call('listRoleAudit', { params: { streetId } }));

export type StreetFigures = Reply<Routes['getStreetFigures']>;

/** A street's figures of one month (aggregates only). */
export const useStreetFigures = (streetId: string, month: string) =>
  useRequest(`console:figures:${streetId}:${month}`, () =>
    api.call('getStreetFigures', { params: { streetId }, query: { month } }),
  );
