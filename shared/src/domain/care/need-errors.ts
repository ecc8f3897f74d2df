/** Error codes of the needs (居民点单 → 派单 → 接单 → 反馈) part of care, merged into shared/errors.ts. */
export const NEED_ERRORS = {
  NEED_NOT_FOUND: { status: 404, message: '找不到该求助' },
  ASSIGNEE_NOT_FOUND: { status: 404, message: '找不到要派给的志愿者、共建单位或工作人员' },
  NEED_TRANSITION_INVALID: { status: 409, message: '求助当前状态不能进行此操作，请刷新后查看' },
  NEED_ALREADY_DISPATCHED: { status: 409, message: '这条求助已派单，请刷新后查看' },
  NEED_ALREADY_RATED: { status: 409, message: '这条求助已经评价过了' },
  NEED_ALREADY_REFERRED: { status: 409, message: '这条求助已转为议题' },
  NEED_NOT_ASSIGNEE: { status: 403, message: '这条求助派给了其他人，只有接单人可以办理' },
  NEED_NOT_YOURS: { status: 403, message: '只能查看自己、代办家人的求助或派给自己的任务' },
  NEED_DUE_IN_PAST: { status: 422, message: '完成时限不能早于现在' },
} as const;
