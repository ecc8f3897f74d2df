/** Error codes of the onboarding feature (街道、邀请与任免), merged into shared/errors.ts. */
export const ONBOARDING_ERRORS = {
  STREET_OPERATOR_ADMIN_ONLY: { status: 403, message: '街道管理员只能由平台管理员任免' },
  STREET_NOT_FOUND: { status: 404, message: '找不到该街道（乡镇）' },
  INVITE_NOT_FOUND: { status: 404, message: '邀请码无效，请核对后再试，或请邀请人重新发送' },
  ROLE_HOLDER_NOT_FOUND: { status: 404, message: '此人没有担任该职务' },
  INVITE_USED: { status: 409, message: '该邀请已被使用，每个邀请只能用一次' },
  INVITE_REVOKED: { status: 409, message: '该邀请已被撤销，请联系邀请人' },
  INVITE_EXPIRED: { status: 409, message: '该邀请已过期（72 小时内有效），请联系邀请人重新发送' },
  ALREADY_HOLDS_ROLE: { status: 409, message: '您已担任该职务，无需重复接受邀请' },
  STREET_NAME_TAKEN: { status: 409, message: '已有同名的街道（乡镇）' },
} as const;
