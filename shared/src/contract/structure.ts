/**
 * The community structure editor (社区结构): staff add, rename, reorder and retire grids (网格,
 * with the grid worker), buildings (楼栋, with address, households and 楼栋长) and units (单元).
 * A building or unit with members is never deleted, only retired: it stays in every view (names
 * are read from here) but takes no new applications. Every change names the version it was
 * based on, so two staff editing at once cannot overwrite each other.
 */
import * as z from 'zod/mini';
import { Id, communityItemParams, communityParams } from './common';
import { Phone } from './person';
import { defineRoute, lazy, type Infer } from './route';

const Name = (max: number, message: string) =>
  z.string().check(z.trim(), z.minLength(1, message), z.maxLength(max, `最多 ${max} 个字`));
const PersonName = lazy(() => z.string().check(z.trim(), z.maxLength(20, '姓名最多 20 个字')));
const Version = lazy(() => z.int().check(z.nonnegative('版本号不正确')));
const Households = lazy(() =>
  z.int('户数请填整数').check(z.nonnegative('户数不能为负数'), z.maximum(20000, '户数不能超过 20000')),
);

export const StructureGrid = lazy(() =>
  z.object({
    id: Id(),
    name: z.string(),
    leader: z.optional(z.string()),
    leaderPhone: z.optional(z.string()),
    order: z.int(),
    retired: z.boolean(),
    version: z.int(),
  }),
);
export type StructureGrid = Infer<typeof StructureGrid>;

export const StructureUnit = lazy(() =>
  z.object({ id: Id(), name: z.string(), retired: z.boolean(), members: z.int() }),
);

export const StructureBuilding = lazy(() =>
  z.object({
    id: Id(),
    gridId: Id(),
    name: z.string(),
    address: z.string(),
    households: z.int(),
    /** 楼栋长. */
    leader: z.optional(z.string()),
    order: z.int(),
    retired: z.boolean(),
    version: z.int(),
    members: z.int(),
    units: z.array(StructureUnit()),
  }),
);
export type StructureBuilding = Infer<typeof StructureBuilding>;

/** The editor's view: every grid and building, retired ones included, with member counts. */
export const Structure = lazy(() =>
  z.object({
    communityId: Id(),
    communityName: z.string(),
    grids: z.array(StructureGrid()),
    buildings: z.array(StructureBuilding()),
  }),
);
export type Structure = Infer<typeof Structure>;

const gridParams = lazy(() => communityItemParams('gridId'));
const buildingParams = lazy(() => communityItemParams('buildingId'));
const unitParams = lazy(() => z.strictObject({ communityId: Id(), buildingId: Id(), unitId: Id() }));

const GridFields = {
  leader: z.optional(PersonName()),
  leaderPhone: z.optional(z.union([Phone(), z.literal('')])),
};
const BuildingFields = {
  address: z.optional(z.string().check(z.trim(), z.maxLength(80, '地址最多 80 个字'))),
  households: z.optional(Households()),
  leader: z.optional(PersonName()),
};

const staffRoute = {
  domain: 'community',
  roles: ['staff'],
  scope: 'community',
} as const;

export const structureRoutes = {
  getStructure: defineRoute({
    ...staffRoute,
    id: 'getStructure',
    method: 'GET',
    path: '/community/:communityId/structure',
    summary: '社区结构编辑：网格、楼栋、单元（含已停用）和各处登记的居民数',
    idempotent: false,
    schemas: () => ({ params: communityParams(), response: Structure() }),
  }),
  createGrid: defineRoute({
    ...staffRoute,
    id: 'createGrid',
    method: 'POST',
    path: '/community/:communityId/grids',
    summary: '新增网格（含网格员姓名和电话）',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({ name: Name(20, '请填写网格名称'), ...GridFields }),
      response: StructureGrid(),
    }),
  }),
  updateGrid: defineRoute({
    ...staffRoute,
    id: 'updateGrid',
    method: 'PATCH',
    path: '/community/:communityId/grids/:gridId',
    summary: '修改网格：改名、网格员、停用或恢复',
    idempotent: true,
    schemas: () => ({
      params: gridParams(),
      body: z.strictObject({
        expectedVersion: Version(),
        name: z.optional(Name(20, '请填写网格名称')),
        retired: z.optional(z.boolean()),
        ...GridFields,
      }),
      response: StructureGrid(),
    }),
  }),
  createBuilding: defineRoute({
    ...staffRoute,
    id: 'createBuilding',
    method: 'POST',
    path: '/community/:communityId/buildings',
    summary: '新增楼栋（地址、户数、楼栋长），可同时列出单元',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        gridId: Id(),
        name: Name(20, '请填写楼栋名称'),
        ...BuildingFields,
        units: z.optional(z.array(Name(10, '请填写单元名称')).check(z.maxLength(30, '一次最多添加 30 个单元'))),
      }),
      response: StructureBuilding(),
    }),
  }),
  updateBuilding: defineRoute({
    ...staffRoute,
    id: 'updateBuilding',
    method: 'PATCH',
    path: '/community/:communityId/buildings/:buildingId',
    summary: '修改楼栋：改名、地址、户数、楼栋长、所属网格、停用或恢复',
    idempotent: true,
    schemas: () => ({
      params: buildingParams(),
      body: z.strictObject({
        expectedVersion: Version(),
        name: z.optional(Name(20, '请填写楼栋名称')),
        gridId: z.optional(Id()),
        retired: z.optional(z.boolean()),
        ...BuildingFields,
      }),
      response: StructureBuilding(),
    }),
  }),
  deleteBuilding: defineRoute({
    ...staffRoute,
    id: 'deleteBuilding',
    method: 'DELETE',
    path: '/community/:communityId/buildings/:buildingId',
    summary: '删除没有居民登记的楼栋（有居民的只能停用）',
    idempotent: true,
    schemas: () => ({
      params: buildingParams(),
      query: z.strictObject({ expectedVersion: z.coerce.number().check(z.int(), z.nonnegative()) }),
      response: z.object({ deleted: Id() }),
    }),
  }),
  addUnit: defineRoute({
    ...staffRoute,
    id: 'addUnit',
    method: 'POST',
    path: '/community/:communityId/buildings/:buildingId/units',
    summary: '给楼栋添加单元',
    idempotent: true,
    successStatus: 201,
    schemas: () => ({
      params: buildingParams(),
      body: z.strictObject({ expectedVersion: Version(), name: Name(10, '请填写单元名称') }),
      response: StructureBuilding(),
    }),
  }),
  updateUnit: defineRoute({
    ...staffRoute,
    id: 'updateUnit',
    method: 'PATCH',
    path: '/community/:communityId/buildings/:buildingId/units/:unitId',
    summary: '修改单元：改名、上移下移、停用或恢复',
    idempotent: true,
    schemas: () => ({
      params: unitParams(),
      body: z.strictObject({
        expectedVersion: Version(),
        name: z.optional(Name(10, '请填写单元名称')),
        retired: z.optional(z.boolean()),
        /** The unit's new place among the building's units (0 = first). */
        position: z.optional(z.int().check(z.nonnegative())),
      }),
      response: StructureBuilding(),
    }),
  }),
  deleteUnit: defineRoute({
    ...staffRoute,
    id: 'deleteUnit',
    method: 'DELETE',
    path: '/community/:communityId/buildings/:buildingId/units/:unitId',
    summary: '删除没有居民登记的单元（有居民的只能停用）',
    idempotent: true,
    schemas: () => ({
      params: unitParams(),
      query: z.strictObject({ expectedVersion: z.coerce.number().check(z.int(), z.nonnegative()) }),
      response: StructureBuilding(),
    }),
  }),
  reorderStructure: defineRoute({
    ...staffRoute,
    id: 'reorderStructure',
    method: 'PUT',
    path: '/community/:communityId/structure/order',
    summary: '调整网格或某个网格内楼栋的顺序',
    // Setting the same order again gives the same answer: nothing to replay.
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        kind: z.enum(['grids', 'buildings']),
        /** Every grid of the community, or every building of one grid, in the new order. */
        ids: z.array(Id()).check(z.minLength(1, '排序列表不能为空'), z.maxLength(90, '一次最多排 90 项')),
      }),
      response: Structure(),
    }),
  }),
} as const;
