import { CARE_ERRORS } from './domain/care/errors';
import { NEED_ERRORS } from './domain/care/need-errors';

/**
 * Stable error codes → HTTP status and the Chinese message a person sees.
 * Both the functions (to answer) and the mini-program (to toast) read this table.
 */
export const ERRORS = {
  // 400
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  VALIDATION_FAILED: { status: 400, message: '填写的信息有误，请检查后再试' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, message: '请求标识格式不正确' },
  ACTING_FOR_UNSUPPORTED: { status: 400, message: '此项业务不支持代办' },
  PATH_ENCODING_INVALID: { status: 400, message: '请求地址的编码不正确' },
  ACTING_FOR_INVALID: { status: 400, message: '代办对象的居民编号格式不正确' },
  // 401
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  TOKEN_INVALID: { status: 401, message: '登录凭证无效，请重新登录' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录已失效，请重新进入小程序' },
  REFRESH_TOKEN_INVALID: { status: 401, message: '登录已过期，请重新登录' },
  // 403
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  OUT_OF_SCOPE: { status: 403, message: '只能查看或办理本社区的事务' },
  OUT_OF_STREET: { status: 403, message: '只能查看或办理本街道的事务' },
  STREET_OPERATOR_ADMIN_ONLY: { status: 403, message: '街道管理员只能由平台管理员任免' },
  WECHAT_USER_BLOCKED: { status: 403, message: '该微信账号暂时无法登录' },
  // 404
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  COMMUNITY_NOT_FOUND: { status: 404, message: '找不到该社区' },
  BUILDING_NOT_FOUND: { status: 404, message: '找不到该楼栋或单元' },
  APPLICATION_NOT_FOUND: { status: 404, message: '找不到该认证申请' },
  MEMBER_NOT_FOUND: { status: 404, message: '找不到该居民档案' },
  LINK_NOT_FOUND: { status: 404, message: '找不到该代办绑定' },
  VENUE_NOT_FOUND: { status: 404, message: '找不到该议事场所' },
  SESSION_NOT_FOUND: { status: 404, message: '找不到该场议事会' },
  BOOKING_NOT_FOUND: { status: 404, message: '没有找到您的预约' },
  CHECKIN_CODE_INVALID: { status: 404, message: '签到码无效，请核对后再试' },
  TOPIC_NOT_FOUND: { status: 404, message: '找不到该议题' },
  MESSAGE_NOT_FOUND: { status: 404, message: '找不到这条消息' },
  DEV_MODE_OFF: { status: 404, message: '演示账号只在本地开发模式下可用' },
  CANTEEN_NOT_FOUND: { status: 404, message: '找不到该食堂' },
  MENU_NOT_PUBLISHED: { status: 404, message: '该餐次的菜单还没有发布' },
  ORDER_NOT_FOUND: { status: 404, message: '找不到该订单' },
  PICKUP_CODE_INVALID: { status: 404, message: '取餐码无效，请核对后再试' },
  ACTIVITY_NOT_FOUND: { status: 404, message: '找不到该志愿活动' },
  SIGNUP_NOT_FOUND: { status: 404, message: '没有找到该志愿者的报名' },
  MERCHANT_NOT_FOUND: { status: 404, message: '找不到该爱心商户' },
  OFFER_NOT_FOUND: { status: 404, message: '找不到该兑换项目' },
  POSTING_NOT_FOUND: { status: 404, message: '找不到该积分记录' },
  VOLUNTEER_NOT_FOUND: { status: 404, message: '找不到该志愿者' },
  INVITE_CODE_INVALID: { status: 404, message: '邀请码无效，请向社区核对' },
  STREET_NOT_FOUND: { status: 404, message: '找不到该街道（乡镇）' },
  INVITE_NOT_FOUND: { status: 404, message: '邀请码无效，请核对后再试，或请邀请人重新发送' },
  ROLE_HOLDER_NOT_FOUND: { status: 404, message: '此人没有担任该职务' },
  REDEMPTION_NOT_FOUND: { status: 404, message: '找不到该兑换记录' },
  // 405
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方式' },
  // 409
  APPLICATION_PENDING: { status: 409, message: '您已提交过认证申请，请等待社区审核' },
  ALREADY_MEMBER: { status: 409, message: '您已是认证居民，无需重复申请' },
  ALREADY_DECIDED: { status: 409, message: '该申请已处理过，请刷新后查看' },
  SESSION_OVERLAP: { status: 409, message: '该场所这个时间段已有其他议事会' },
  SESSION_CANCELLED: { status: 409, message: '这场议事会已取消' },
  SESSION_ALREADY_STARTED: { status: 409, message: '这场议事会已经开始或结束' },
  ALREADY_BOOKED: { status: 409, message: '您已预约或候补这场议事会' },
  ALREADY_CHECKED_IN: { status: 409, message: '该预约已签到，不能重复签到' },
  BOOKING_NOT_ACTIVE: { status: 409, message: '该预约已取消或仍在候补，不能签到' },
  AGENDA_TRANSITION_INVALID: { status: 409, message: '议题当前状态不能进行此操作' },
  ALREADY_COSIGNED: { status: 409, message: '您已附议过这个议题' },
  ALREADY_RATED: { status: 409, message: '您已评价过这个议题' },
  DEPENDENT_ALREADY_LINKED: { status: 409, message: '已经绑定或申请绑定过这位家人' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '该请求标识已用于其他请求' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '相同的请求正在处理中，请稍候' },
  MENU_ALREADY_PUBLISHED: { status: 409, message: '这一餐的菜单已经发布过了' },
  SOLD_OUT: { status: 409, message: '菜品已售完，请选择其他菜品' },
  ORDER_LIMIT_EXCEEDED: { status: 409, message: '超过每人限购份数' },
  ORDER_NOT_CANCELLABLE: { status: 409, message: '该订单已取餐、配送中或已取消，不能取消' },
  ALREADY_HANDED_OVER: { status: 409, message: '该订单已取餐，不能重复取餐' },
  ORDER_NOT_ACTIVE: { status: 409, message: '该订单已取消或已完成' },
  NOT_A_PICKUP_ORDER: { status: 409, message: '该订单是送餐上门，不在窗口取餐' },
  DELIVERY_ALREADY_CLAIMED: { status: 409, message: '该送餐任务已被其他志愿者领取' },
  DELIVERY_NOT_CLAIMED: { status: 409, message: '请先领取该送餐任务' },
  DELIVERY_NOT_DELIVERED: { status: 409, message: '志愿者还没有标记送达' },
  DELIVERY_ALREADY_CONFIRMED: { status: 409, message: '已经确认收到，无需重复确认' },
  OUTSIDE_MEAL_TIME: {
    status: 409,
    message: '现在不是这一餐的取餐、送餐时间，不能核销或标记送达；确需办理请由社区工作人员填写原因',
  },
  ACTIVITY_FULL: { status: 409, message: '该活动名额已满' },
  ALREADY_SIGNED_UP: { status: 409, message: '您已报名这个活动' },
  ACTIVITY_ALREADY_CHECKED_IN: { status: 409, message: '您已签到，无需重复签到' },
  ACTIVITY_ALREADY_CHECKED_OUT: { status: 409, message: '您已签退，无需重复签退' },
  HOURS_ALREADY_CONFIRMED: { status: 409, message: '该志愿时长已确认过，不能重复确认' },
  REDEMPTION_CODE_USED: { status: 409, message: '该兑换码已使用过' },
  INVITE_CODE_USED: { status: 409, message: '该邀请码已被使用' },
  INVITE_USED: { status: 409, message: '该邀请已被使用，每个邀请只能用一次' },
  INVITE_REVOKED: { status: 409, message: '该邀请已被撤销，请联系邀请人' },
  INVITE_EXPIRED: { status: 409, message: '该邀请已过期（72 小时内有效），请联系邀请人重新发送' },
  ALREADY_HOLDS_ROLE: { status: 409, message: '您已担任该职务，无需重复接受邀请' },
  STREET_NAME_TAKEN: { status: 409, message: '已有同名的街道（乡镇）' },
  ALREADY_MERCHANT_OPERATOR: { status: 409, message: '您已绑定商户，无需重复绑定' },
  ALREADY_VOLUNTEER: { status: 409, message: '您已是志愿者' },
  ALREADY_REVERSED: { status: 409, message: '该积分记录已冲正过' },
  POSTING_NOT_REVERSIBLE: { status: 409, message: '冲正记录不能再次冲正' },
  // 422
  NOT_A_MEMBER: { status: 422, message: '请先完成居民认证' },
  DEPENDENT_NOT_SAME_HOUSEHOLD: { status: 422, message: '只能绑定同一户的家人' },
  DEPENDENT_IS_SELF: { status: 422, message: '不能绑定自己为代办对象' },
  BIRTH_DATE_INVALID: { status: 422, message: '出生日期不正确' },
  AGENDA_OWN_ITEM: { status: 422, message: '不能附议自己提出的议题' },
  AGENDA_MERGE_TARGET_INVALID: { status: 422, message: '只能并入本社区仍在征集或办理中的另一个议题' },
  RATING_INVALID: { status: 422, message: '评分应为 1 到 5 颗星' },
  SESSION_TIMES_INVALID: { status: 422, message: '议事会时间不合理：请检查开始、结束和预约时间' },
  RESERVED_SEATS_INVALID: { status: 422, message: '预留座位不能超过场所座位数' },
  BOOKING_NOT_OPEN: { status: 422, message: '预约尚未开始' },
  BOOKING_CLOSED: { status: 422, message: '预约已截止' },
  CANCEL_CUTOFF_PASSED: { status: 422, message: '已过取消截止时间，如不能参加请联系社区' },
  BOOKING_RESTRICTED: { status: 422, message: '近期多次预约未到场，暂时只能候补' },
  CHECKIN_NOT_OPEN: { status: 422, message: '现在不在签到时间内' },
  MEAL_NOT_SERVED: { status: 422, message: '该食堂不供应这一餐' },
  MEAL_TIMES_INVALID: { status: 422, message: '餐次时间不合理：截止时间应早于取餐时间' },
  SUBSIDY_BANDS_INVALID: { status: 422, message: '补贴年龄段有重叠或金额不正确' },
  MENU_DATE_INVALID: { status: 422, message: '只能发布今天起两周内的菜单' },
  DISH_NOT_ON_MENU: { status: 422, message: '所选菜品不在这一餐的菜单上' },
  ORDER_LINES_INVALID: { status: 422, message: '请选择菜品，每道菜只填一次，份数至少为 1' },
  ORDER_DATE_PAST: { status: 422, message: '不能预订已经过去的日期' },
  ORDER_CUTOFF_PASSED: { status: 422, message: '已过订餐截止时间' },
  DELIVERY_NOT_ELIGIBLE: { status: 422, message: '送餐上门仅限社区登记的高龄或行动不便老人，请选择到店取餐' },
  DELIVERY_NOT_YOURS: { status: 403, message: '这个送餐任务由其他志愿者负责' },
  MEAL_TIME_OVERRIDE_STAFF_ONLY: { status: 403, message: '只有社区工作人员可以在供餐时间外办理' },
  NO_PHONE_ON_FILE: { status: 404, message: '这户没有登记电话，请联系社区工作人员' },
  NOT_A_DELIVERY_ORDER: { status: 422, message: '该订单是到店取餐，没有送餐任务' },
  ORDER_NOT_YOURS: { status: 403, message: '只能查看或办理自己或代办家人的订单' },
  NOT_IN_AUDIENCE: { status: 403, message: '这场议事会面向其他楼栋的居民' },
  ACTING_FOR_NOT_ALLOWED: { status: 403, message: '您不能代这位居民办理' },
  ACTIVITY_TIMES_INVALID: { status: 422, message: '活动时间不合理：结束须晚于开始' },
  ACTIVITY_CLOSED: { status: 422, message: '该活动已结束，不能报名' },
  ACTIVITY_CODE_INVALID: { status: 422, message: '活动码无效，请扫描或输入现场工作人员出示的码' },
  ACTIVITY_CODE_EXPIRED: { status: 422, message: '活动码已过期，请扫描或输入现场屏幕上的新码' },
  NOT_SIGNED_UP: { status: 422, message: '您还没有报名这个活动' },
  CHECKOUT_BEFORE_CHECKIN: { status: 422, message: '请先签到再签退' },
  HOURS_NOT_READY: { status: 422, message: '志愿者尚未签退，暂不能确认时长' },
  ADJUSTMENT_REASON_REQUIRED: { status: 422, message: '调整时长或积分需要填写原因' },
  POINTS_INSUFFICIENT: { status: 422, message: '积分余额不足' },
  ORDER_AMOUNT_REQUIRED: { status: 422, message: '请填写订单金额' },
  OFFER_LIMIT_EXCEEDED: { status: 422, message: '超出本单可用积分的上限' },
  OFFER_NOT_ACTIVE: { status: 422, message: '该商户的兑换协议不在有效期内' },
  MERCHANT_MONTHLY_CAP: { status: 422, message: '该商户本月可接受的积分已达上限，请下月再来' },
  REDEMPTION_CODE_INVALID: { status: 422, message: '兑换码无效，请核对后重新输入，或让对方刷新后重新扫描' },
  REDEMPTION_CODE_EXPIRED: { status: 422, message: '兑换码已过期，请让对方刷新后重新扫描' },
  REDEMPTION_OTHER_MERCHANT: { status: 422, message: '这个兑换码不是给本店的' },
  NOT_MERCHANT_OPERATOR: { status: 422, message: '请先用社区发放的邀请码绑定商户' },
  NOT_A_VOLUNTEER: { status: 422, message: '请先成为志愿者' },
  // content security (WeChat msgSecCheck / mediaCheckAsync) and staff moderation
  CONTENT_RISKY: { status: 422, message: '内容含有不适宜公开的信息，未能发布。请修改后再提交' },
  CONTENT_HELD: { status: 409, message: '该内容正在等待社区工作人员复核，通过后才能查看和附议' },
  CONTENT_NOT_HELD: { status: 409, message: '该内容不在待复核状态，请刷新后查看' },
  CONTENT_ALREADY_HIDDEN: { status: 409, message: '该内容已经隐藏过了' },
  CONTENT_NOT_FOUND: { status: 404, message: '找不到要处理的内容' },
  WECHAT_SIGNATURE_INVALID: { status: 401, message: '微信消息推送的签名不正确' },
  // 413
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  // 415
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请以 JSON 格式提交' },
  // 429
  WECHAT_RATE_LIMITED: { status: 429, message: '登录太频繁，请稍后再试' },
  CODE_ATTEMPTS_EXCEEDED: { status: 429, message: '输入错误的码次数过多，请 1 分钟后再试' },
  // 5xx
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  INTERNAL: { status: 500, message: '服务暂时出了点问题，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '系统正忙，请稍等片刻再试' },
  ...CARE_ERRORS,
  ...NEED_ERRORS,
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}

/** A rule broken by the request; the error middleware turns it into its status and message. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'DomainError';
    this.status = ERRORS[code].status;
  }
}

/** Largest request body the API accepts (bytes). */
export const MAX_BODY_BYTES = 64 * 1024;
