import * as z from 'zod/mini';
import { Id, IsoTime } from './common';
import { defineRoute } from './route';

export const Health = z.object({
  status: z.literal('ok'),
  service: z.literal('linli'),
  time: IsoTime,
  table: z.enum(['ok', 'unreachable']),
});

export const Unit = z.object({ id: Id, name: z.string() });

export const Building = z.object({
  id: Id,
  gridId: Id,
  name: z.string(),
  address: z.string(),
  households: z.int().check(z.nonnegative()),
  units: z.array(Unit),
});
export type Building = z.infer<typeof Building>;

export const Grid = z.object({
  id: Id,
  name: z.string(),
  leader: z.optional(z.string()),
  buildings: z.array(Building),
});
export type Grid = z.infer<typeof Grid>;

export const Community = z.object({
  id: Id,
  name: z.string(),
  city: z.string(),
  district: z.string(),
  address: z.string(),
  grids: z.array(Grid),
});
export type Community = z.infer<typeof Community>;

export const communityRoutes = {
  health: defineRoute({
    id: 'health',
    method: 'GET',
    path: '/health',
    summary: '服务健康检查',
    domain: 'community',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    response: Health,
  }),
  getCommunity: defineRoute({
    id: 'getCommunity',
    method: 'GET',
    path: '/community/:id',
    summary: '社区结构：网格、楼栋与单元',
    domain: 'community',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    params: z.strictObject({ id: Id }),
    response: Community,
  }),
} as const;
