/**
 * The error-code registry the Lambda bundles read: the pipeline's own codes, plus the feature
 * tables a function declares (defineDomain's `errorTables`). A function bundles only the tables it
 * declares, not every feature's messages; tests/unit/error-tables.test.ts proves each function
 * declares every code its code can raise. shared/src/errors.ts merges all tables (for the
 * mini-program, the tests and the local server) and registers them when it is imported.
 */
import type { ErrorCode } from './errors';

export type { ErrorCode };

export interface ErrorEntry {
  readonly status: number;
  readonly message: string;
}

export type ErrorTable = Readonly<Record<string, ErrorEntry>>;

/** Codes the shared pipeline and the platform answer with, whatever the feature. */
export const PIPELINE_ERRORS = {
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
  WECHAT_USER_BLOCKED: { status: 403, message: '该微信账号暂时无法登录' },
  // 404
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  COMMUNITY_NOT_FOUND: { status: 404, message: '找不到该社区' },
  BUILDING_NOT_FOUND: { status: 404, message: '找不到该楼栋或单元' },
  MESSAGE_NOT_FOUND: { status: 404, message: '找不到这条消息' },
  DEV_MODE_OFF: { status: 404, message: '演示账号只在本地开发模式下可用' },
  // 405
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方式' },
  // 409
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '该请求标识已用于其他请求' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '相同的请求正在处理中，请稍候' },
  // 422
  // content security (WeChat msgSecCheck / mediaCheckAsync) and staff moderation
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
} as const satisfies ErrorTable;

const registered = new Map<string, ErrorEntry>(Object.entries(PIPELINE_ERRORS));

/** Makes the tables' codes known to DomainError and the error responses of this process. */
export function registerErrorTables(tables: readonly ErrorTable[]): void {
  for (const table of tables) for (const [code, entry] of Object.entries(table)) registered.set(code, entry);
}

/**
 * Status and message of a registered code; undefined for a code this process never registered
 * (a function raising a code its domain did not declare: answered as INTERNAL, see responses.ts).
 */
export function registeredError(code: string): ErrorEntry | undefined {
  return registered.get(code);
}

/** What a code unknown to this process stands for: a programming error, answered as a 500. */
const UNREGISTERED: ErrorEntry = PIPELINE_ERRORS.INTERNAL;

/** A rule broken by the request; the error middleware turns it into its status and message. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    const entry = registeredError(code) ?? UNREGISTERED;
    super(message ?? entry.message);
    this.name = 'DomainError';
    this.status = entry.status;
  }
}

/** Largest request body the API accepts (bytes). */
export const MAX_BODY_BYTES = 64 * 1024;
