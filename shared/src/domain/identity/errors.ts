/** Error codes of the identity feature (居民认证、代办家人), merged into shared/errors.ts. */
export const IDENTITY_ERRORS = {
  APPLICATION_NOT_FOUND: { status: 404, message: '找不到该认证申请' },
  MEMBER_NOT_FOUND: { status: 404, message: '找不到该居民档案' },
  LINK_NOT_FOUND: { status: 404, message: '找不到该代办绑定' },
  APPLICATION_PENDING: { status: 409, message: '您已提交过认证申请，请等待社区审核' },
  ALREADY_MEMBER: { status: 409, message: '您已是认证居民，无需重复申请' },
  ALREADY_DECIDED: { status: 409, message: '该申请已处理过，请刷新后查看' },
  DEPENDENT_ALREADY_LINKED: { status: 409, message: '已经绑定或申请绑定过这位家人' },
  NOT_A_MEMBER: { status: 422, message: '请先完成居民认证' },
  DEPENDENT_NOT_SAME_HOUSEHOLD: { status: 422, message: '只能绑定同一户的家人' },
  DEPENDENT_IS_SELF: { status: 422, message: '不能绑定自己为代办对象' },
  BIRTH_DATE_INVALID: { status: 422, message: '出生日期不正确' },
  ACTING_FOR_NOT_ALLOWED: { status: 403, message: '您不能代这位居民办理' },
} as const;
