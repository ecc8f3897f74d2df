/**
 * The one typed client of the Linli API. Pages reach it through hooks; nothing else calls
 * Taro.request. Only types come from the contract (zod stays out of the bundle); the route
 * table arrives through routes.gen.ts and the Chinese messages through shared/errors.ts.
 */
import Taro from '@tarojs/taro';
import type { Body, Params, Query, Reply, RouteId, Routes } from '@linli/shared/contract';
import { ERRORS, isErrorCode } from '@linli/shared/errors';
import { clientRoutes, type ClientRoute } from './routes.gen';
import { newIdempotencyKey } from './idempotency-key';
import { readActingFor, stopActingFor, takeLeftActingFor, type ActingFor } from './acting-for';
import { joinUrl } from './url';

/** Storage key of the access token (written by services/session.ts). */
export const TOKEN_STORAGE_KEY = 'linli:token';

/** Header naming the member the caller acts for (代办), on routes that allow it. */
export const ACTING_FOR_HEADER = 'X-Acting-For';

/** Code of a request that never got an HTTP answer. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
const NETWORK_MESSAGE = '网络连接失败，请检查网络后再试';
const UNKNOWN_MESSAGE = '操作没有成功，请稍后再试';

/** A failed call: the HTTP status (0 without an answer), the stable code and a Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No known keys: `{}` or zod's strict empty object (`Record<string, never>`). */
type IsEmpty<T> = [keyof T] extends [never] ? true : string extends keyof T ? true : false;
type Part<K extends string, T> = IsEmpty<T> extends true ? { [P in K]?: T } : { [P in K]: T };

/** Whether every part of a route's request is empty, so the input may be left out. */
type InputOptional<Id extends RouteId> =
  IsEmpty<Params<Routes[Id]>> extends true
    ? IsEmpty<Query<Routes[Id]>> extends true
      ? IsEmpty<Body<Routes[Id]>> extends true
        ? true
        : false
      : false
    : false;

export interface CallOptions {
  /** Show a Chinese toast when the call fails (default true). */
  toast?: boolean;
}

/** What `api.call(id, input)` takes for a route: its params, query and body, typed from the contract. */
export type CallInput<Id extends RouteId> = Part<'params', Params<Routes[Id]>> &
  Part<'query', Query<Routes[Id]>> &
  Part<'body', Body<Routes[Id]>> &
  CallOptions;

type CallArgs<Id extends RouteId> = InputOptional<Id> extends true ? [input?: CallInput<Id>] : [input: CallInput<Id>];

/** Returns a fresh token after a TOKEN_EXPIRED answer, or null when the user must sign in again. */
export type TokenRefresher = () => Promise<string | null>;

interface RequestResult {
  statusCode: number;
  data: unknown;
  header?: Record<string, unknown>;
}

/** Longest wait a server's Retry-After can ask of a person holding the phone. */
const MAX_RETRY_AFTER_MS = 5_000;

/** The server's Retry-After in ms (seconds form), capped; 0 when absent or unreadable. */
function retryAfterMs(res: RequestResult): number {
  const entry = Object.entries(res.header ?? {}).find(([name]) => name.toLowerCase() === 'retry-after');
  const seconds = Number(entry?.[1]);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : 0;
}

/**
 * Answers worth the same request again a little later: the service is busy or unreachable
 * (503), a rate limit (429), or, on a retried idempotent call, the first attempt still running.
 */
function isWorthRetrying(res: RequestResult, error: ApiError, idempotent: boolean): boolean {
  // Too many wrong codes is not a busy server: asking again at once only meets the same limit.
  if (error.code === 'CODE_ATTEMPTS_EXCEEDED') return false;
  if (res.statusCode === 503 || res.statusCode === 429) return true;
  return idempotent && error.code === 'IDEMPOTENCY_IN_PROGRESS';
}

export interface ApiClientOptions {
  /** Origin and prefix the route paths are appended to, e.g. `/api` or `http://127.0.0.1:3001` (a trailing slash is fine). */
  baseUrl: string;
  /** Attempts for network errors and 503 answers, the first included (default 3). */
  maxAttempts?: number;
  /** Backoff before the second attempt; doubles for each further one (default 300 ms). */
  baseDelayMs?: number;
  /** Waits between attempts; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Per-request timeout in ms (default 10 s). */
  timeoutMs?: number;
  /** Route table; the generated one unless a test needs routes the contract does not have yet. */
  routes?: Readonly<Record<string, ClientRoute>>;
}

export interface ApiClient {
  call<Id extends RouteId>(id: Id, ...args: CallArgs<Id>): Promise<Reply<Routes[Id]>>;
  /** Plugs in the identity feature's refresher; null removes it. */
  setTokenRefresher(refresher: TokenRefresher | null): void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `/community/:id` + `{ id: 'a b' }` → `/community/a%20b`. */
function fillPath(path: string, params: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function readToken(): string | undefined {
  try {
    const token: unknown = Taro.getStorageSync(TOKEN_STORAGE_KEY);
    return typeof token === 'string' && token ? token : undefined;
  } catch {
    return undefined;
  }
}

/** Field issues a 400 carries ({path, message}[]), keyed by the field's last path segment. */
export function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const issue of details as { path?: unknown; message?: unknown }[]) {
    if (typeof issue?.path !== 'string' || typeof issue.message !== 'string') continue;
    const field = issue.path.split('.').pop() ?? issue.path;
    out[field] ??= issue.message;
  }
  return out;
}

/** The Chinese messages of a 400's field issues, joined; null when there are none. */
function fieldMessages(details: unknown): string | null {
  const messages = Object.values(fieldErrors(details)).filter((m) => /[\u4e00-\u9fff]/.test(m));
  return messages.length ? [...new Set(messages)].join('；') : null;
}

/** Turns an HTTP answer that is not a success into an ApiError with a Chinese message. */
function errorFromResponse(res: RequestResult): ApiError {
  const body = res.data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
  const code = typeof body?.error?.code === 'string' ? body.error.code : `HTTP_${res.statusCode}`;
  // The table's message is the one we stand behind; an unknown code keeps the server's words, and
  // a refused field says what was wrong with it in the schema's own Chinese (「请输入完整的码」).
  const message =
    fieldMessages(body?.error?.details) ??
    (isErrorCode(code)
      ? ERRORS[code].message
      : typeof body?.error?.message === 'string'
        ? body.error.message
        : res.statusCode >= 500
          ? ERRORS.INTERNAL.message
          : UNKNOWN_MESSAGE);
  return new ApiError(res.statusCode, code, message, body?.error?.details);
}

/** The page's home tab, for a page with no history to go back to (mirrors constants.TAB_PAGES.home). */
const HOME_TAB = '/pages/home/index';

/**
 * A 403 right after 退出代办: the page was showing what belongs to the person acted for. Say so in
 * a dialog that stays until tapped, then go back (or home when the page was opened directly).
 */
function sendBackAfterLeavingActingFor(left: ActingFor): void {
  void Taro.showModal({
    title: '已退出代办',
    content: `这一页是为${left.realName}办理的，您已退出代办，不能再查看或办理。点“返回”回到上一页；如需继续，请重新选择为${left.realName}代办。`,
    showCancel: false,
    confirmText: '返回',
  }).then(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: HOME_TAB })));
}

/** Builds a client; `api` below is the app's instance. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const maxAttempts = options.maxAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 300;
  const sleep = options.sleep ?? defaultSleep;
  const timeout = options.timeoutMs ?? 10_000;
  const table: Readonly<Record<string, ClientRoute>> = options.routes ?? clientRoutes;
  let refresher: TokenRefresher | null = null;
  let refreshing: Promise<string | null> | null = null;

  /** One refresh at a time: concurrent 401s wait for the same new token. */
  function refreshToken(): Promise<string | null> {
    if (!refresher) return Promise.resolve(null);
    refreshing ??= refresher()
      .then((token) => {
        if (token) Taro.setStorageSync(TOKEN_STORAGE_KEY, token);
        return token;
      })
      .catch(() => null)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function send(route: ClientRoute, url: string, body: unknown, idempotencyKey: string | undefined) {
    const header: Record<string, string> = { Accept: 'application/json' };
    const token = readToken();
    if (token) header.Authorization = `Bearer ${token}`;
    if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey;
    // Only where the route allows it: elsewhere the server refuses the header (ACTING_FOR_UNSUPPORTED)
    // rather than let someone believe they acted for an elder when they acted for themselves.
    const actingFor = route.actingFor ? readActingFor() : null;
    if (actingFor) header[ACTING_FOR_HEADER] = actingFor.memberId;
    const hasBody = route.method !== 'GET' && body !== undefined;
    if (hasBody) header['Content-Type'] = 'application/json';
    const res = await Taro.request({
      url,
      method: route.method as keyof Taro.request.Method,
      header,
      timeout,
      dataType: 'json',
      ...(hasBody ? { data: body as TaroGeneral.IAnyObject } : {}),
    });
    return { statusCode: res.statusCode, data: res.data as unknown, header: res.header as Record<string, unknown> };
  }

  async function call(id: RouteId, input: CallOptions = {}): Promise<unknown> {
    const route = table[id];
    if (!route) throw new Error(`unknown route ${id}`);
    const {
      params,
      query,
      body,
      toast = true,
    } = input as {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
      toast?: boolean;
    };
    const url = joinUrl(options.baseUrl, fillPath(route.path, params ?? {})) + queryString(query);
    // One key per call, reused by every retry, so the server can replay its first answer.
    const idempotencyKey = route.idempotent ? newIdempotencyKey() : undefined;
    let refreshed = false;

    const fail = (error: ApiError): never => {
      const left = error.status === 403 && !readActingFor() ? takeLeftActingFor() : null;
      if (left) sendBackAfterLeavingActingFor(left);
      else if (toast) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
      throw error;
    };

    for (let attempt = 1; ; attempt++) {
      let res: RequestResult;
      try {
        res = await send(route, url, body, idempotencyKey);
      } catch (cause) {
        if (attempt < maxAttempts) {
          await sleep(baseDelayMs * 2 ** (attempt - 1));
          continue;
        }
        return fail(new ApiError(0, NETWORK_ERROR, NETWORK_MESSAGE, { cause: String(cause) }));
      }
      if (res.statusCode >= 200 && res.statusCode < 300) return res.data;

      const error = errorFromResponse(res);
      if (isWorthRetrying(res, error, route.idempotent) && attempt < maxAttempts) {
        // The same key goes again, so a write the server finished is answered, not repeated.
        await sleep(Math.max(baseDelayMs * 2 ** (attempt - 1), retryAfterMs(res)));
        continue;
      }
      // The link was withdrawn since 代办 began: stop acting for them everywhere.
      if (error.code === 'ACTING_FOR_NOT_ALLOWED' && route.actingFor) stopActingFor();
      if (error.code === 'TOKEN_EXPIRED' && !refreshed && refresher) {
        refreshed = true;
        if (await refreshToken()) {
          attempt--; // the refresh is not a failed attempt
          continue;
        }
      }
      return fail(error);
    }
  }

  return {
    call: call as ApiClient['call'],
    setTokenRefresher(next) {
      refresher = next;
    },
  };
}

/** H5 is served with the API under the same origin; mini-programs call the configured URL. */
export const API_BASE_URL = process.env.TARO_ENV === 'h5' ? '/api' : LINLI_API_URL;

/** The app's API client. */
export const api = createApiClient({ baseUrl: API_BASE_URL });

/** Lets identity plug in token refresh without the client knowing how login works. */
export function setTokenRefresher(refresher: TokenRefresher | null): void {
  api.setTokenRefresher(refresher);
}
