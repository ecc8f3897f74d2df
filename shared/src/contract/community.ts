import * as z from 'zod/mini';
import { Id, IsoTime } from './common';
import { defineRoute, lazy, type Infer } from './route';

export const Health = lazy(() =>
  z.object({
    status: z.literal('ok'),
    service: z.literal('linli'),
    time: IsoTime(),
    table: z.enum(['ok', 'unreachable']),
  }),
);

/** `retired`: kept for the people who live there, hidden from new applications. */
export const Unit = lazy(() => z.object({ id: Id(), name: z.string(), retired: z.optional(z.boolean()) }));

export const Building = lazy(() =>
  z.object({
    id: Id(),
    gridId: Id(),
    name: z.string(),
    address: z.string(),
    households: z.int().check(z.nonnegative()),
    /** 楼栋长. */
    leader: z.optional(z.string()),
    retired: z.optional(z.boolean()),
    units: z.array(Unit()),
  }),
);
export type Building = Infer<typeof Building>;

export const Grid = lazy(() =>
  z.object({
    id: Id(),
    name: z.string(),
    /** The grid worker (网格员) and the phone residents may call. */
    leader: z.optional(z.string()),
    leaderPhone: z.optional(z.string()),
    retired: z.optional(z.boolean()),
    buildings: z.array(Building()),
  }),
);
export type Grid = Infer<typeof Grid>;

export const Community = lazy(() =>
  z.object({
    id: Id(),
    name: z.string(),
    city: z.string(),
    district: z.string(),
    address: z.string(),
    grids: z.array(Grid()),
  }),
);
export type Community = Infer<typeof Community>;

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
    schemas: () => ({ response: Health() }),
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
    schemas: () => ({ params: z.strictObject({ id: Id() }), response: Community() }),
  }),
} as const;
