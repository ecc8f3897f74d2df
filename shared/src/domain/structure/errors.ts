/** Error codes of the community structure editor, merged into shared/errors.ts. */
export const STRUCTURE_ERRORS = {
  GRID_NOT_FOUND: { status: 404, message: '找不到该网格' },
  UNIT_NOT_FOUND: { status: 404, message: '找不到该单元' },
  STRUCTURE_CHANGED: { status: 409, message: '这条信息刚被其他工作人员改过，请刷新后再改' },
  STRUCTURE_NAME_TAKEN: { status: 409, message: '已有同名的网格、楼栋或单元，请换一个名称' },
  STRUCTURE_IN_USE: { status: 409, message: '这里已有居民登记，不能删除，只能停用（停用后不再接受新的认证申请）' },
  GRID_RETIRED: { status: 409, message: '该网格已停用，不能再添加楼栋' },
  BUILDING_RETIRED: { status: 409, message: '该楼栋已停用，不能再接受认证申请' },
  REORDER_MISMATCH: { status: 422, message: '排序列表与现有的网格或楼栋不一致，请刷新后再排' },
} as const;
