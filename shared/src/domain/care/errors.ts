/** Error codes of the care feature (微心愿, partner units, care tags), merged into shared/errors.ts. */
export const CARE_ERRORS = {
  WISH_NOT_FOUND: { status: 404, message: '找不到该心愿' },
  PARTNER_NOT_FOUND: { status: 404, message: '找不到该共建单位' },
  WISH_TRANSITION_INVALID: { status: 409, message: '心愿当前状态不能进行此操作，请刷新后查看' },
  WISH_ALREADY_CLAIMED: { status: 409, message: '这个心愿已被其他人认领' },
  ALREADY_PARTNER_OPERATOR: { status: 409, message: '您已绑定共建单位，无需重复绑定' },
  WISH_NOT_CLAIMER: { status: 403, message: '这个心愿由其他人认领，只有认领人可以办理' },
  WISH_NOT_OFFERED: { status: 403, message: '这个心愿由社区定向交给其他共建单位认领' },
  WISH_NOT_YOURS: { status: 403, message: '只能查看自己、代办家人或自己认领的心愿' },
  WISH_OWN: { status: 422, message: '不能认领自己或代办家人的心愿' },
  NOT_A_CLAIMER: { status: 422, message: '请先成为志愿者或绑定共建单位，再认领心愿' },
  NOT_PARTNER_OPERATOR: { status: 422, message: '请先用社区发放的邀请码绑定共建单位' },
} as const;
