import type { Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useReloadOnShow } from './use-council';
import { useRequest } from './use-request';

export type Menus = Reply<Routes['listMenus']>;
export type Menu = Menus['menus'][number];

/** Published menus of the next `days` days (today and tomorrow by default), for the 食堂 tab and staff. */
export function useMenus(communityId: string | undefined, days: '2' | '7' = '2') {
  const request = useRequest<Menus | undefined>(`menus:${communityId}:${days}`, () =>
    communityId
      ? api.call('listMenus', { params: { communityId }, query: { days }, toast: false })
      : Promise.resolve(undefined),
  );
  useReloadOnShow(request.reload);
  return request;
}
