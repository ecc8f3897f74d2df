/** The community structure editor (社区结构): grids, buildings and units, each change version-checked. */
import type { Body, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type Structure = Reply<Routes['getStructure']>;
export type StructureGrid = Structure['grids'][number];
export type StructureBuilding = Structure['buildings'][number];

export const useStructure = (communityId: string) =>
  useRequest(`structure:${communityId}`, () => api.call('getStructure', { params: { communityId } }));

export const useCreateGrid = (communityId: string) =>
  useMutation((body: Body<Routes['createGrid']>) => api.call('createGrid', { params: { communityId }, body }));

export const useUpdateGrid = (communityId: string) =>
  useMutation(({ gridId, ...body }: Body<Routes['updateGrid']> & { gridId: string }) =>
    api.call('updateGrid', { params: { communityId, gridId }, body }),
  );

export const useCreateBuilding = (communityId: string) =>
  useMutation((body: Body<Routes['createBuilding']>) => api.call('createBuilding', { params: { communityId }, body }));

export const useUpdateBuilding = (communityId: string) =>
  useMutation(({ buildingId, ...body }: Body<Routes['updateBuilding']> & { buildingId: string }) =>
    api.call('updateBuilding', { params: { communityId, buildingId }, body }),
  );

export const useDeleteBuilding = (communityId: string) =>
  useMutation(({ buildingId, expectedVersion }: { buildingId: string; expectedVersion: number }) =>
    api.call('deleteBuilding', { params: { communityId, buildingId }, query: { expectedVersion } }),
  );

export const useAddUnit = (communityId: string) =>
  useMutation(({ buildingId, ...body }: Body<Routes['addUnit']> & { buildingId: string }) =>
    api.call('addUnit', { params: { communityId, buildingId }, body }),
  );

export const useUpdateUnit = (communityId: string) =>
  useMutation(({ buildingId, unitId, ...body }: Body<Routes['updateUnit']> & { buildingId: string; unitId: string }) =>
    api.call('updateUnit', { params: { communityId, buildingId, unitId }, body }),
  );

export const useDeleteUnit = (communityId: string) =>
  useMutation(
    ({ buildingId, unitId, expectedVersion }: { buildingId: string; unitId: string; expectedVersion: number }) =>
      api.call('deleteUnit', { params: { communityId, buildingId, unitId }, query: { expectedVersion } }),
  );

export const useReorder = (communityId: string) =>
  useMutation((body: Body<Routes['reorderStructure']>) =>
    api.call('reorderStructure', { params: { communityId }, body }),
  );

/** The ids with the one at `index` moved one place up (-1) or down (+1). */
export function moved(ids: string[], index: number, step: -1 | 1): string[] {
  const target = index + step;
  if (target < 0 || target >= ids.length) return ids;
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
