/** Error codes of the agenda feature (议题), merged into shared/errors.ts. */
export const AGENDA_ERRORS = {
  TOPIC_NOT_FOUND: { status: 404, message: '找不到该议题' },
  AGENDA_TRANSITION_INVALID: { status: 409, message: '议题当前状态不能进行此操作' },
  ALREADY_COSIGNED: { status: 409, message: '您已附议过这个议题' },
  ALREADY_RATED: { status: 409, message: '您已评价过这个议题' },
  AGENDA_OWN_ITEM: { status: 422, message: '不能附议自己提出的议题' },
  AGENDA_MERGE_TARGET_INVALID: { status: 422, message: '只能并入本社区仍在征集或办理中的另一个议题' },
  RATING_INVALID: { status: 422, message: '评分应为 1 到 5 颗星' },
} as const;
