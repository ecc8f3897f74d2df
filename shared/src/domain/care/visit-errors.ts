/** Error codes of grid workers' care visits (网格敲门), merged into shared/errors.ts. */
export const VISIT_ERRORS = {
  GRID_WORKER_NOT_FOUND: { status: 404, message: '此人不是本社区的网格员' },
  GRID_NOT_YOURS: { status: 403, message: '只能查看和探访自己负责网格的住户' },
  GRID_WORKER_NEEDS_WECHAT: { status: 422, message: '只能任命已认证且用微信登录过的居民为网格员' },
  VISIT_OBSERVATION_REQUIRED: { status: 400, message: '上门或电话探访，请选择看到的情况' },
} as const;
