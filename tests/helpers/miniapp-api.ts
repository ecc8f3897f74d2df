/**
 * A stand-in API for the mini-program's component tests: answers Taro.request (the taro-mock's
 * `request`) from a table of `METHOD /path` → reply, and records what was asked.
 */
import { request } from './taro-mock';

export interface SentRequest {
  method: string;
  /** Path without the client's `/api` prefix and without the query. */
  path: string;
  query: URLSearchParams;
  header: Record<string, string>;
  data: unknown;
}

/** A reply: a body (status 200), or a status with a body; a function computes it per request. */
export type Answer = ((sent: SentRequest) => unknown) | object;

const isStatusReply = (value: unknown): value is { status: number; body: unknown } =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/** An error body as the API sends it. */
export const apiError = (status: number, code: string, details?: unknown) => ({
  status,
  body: { error: { code, message: code, ...(details ? { details } : {}) } },
});

/** Answers every request from `routes` (404 ROUTE_NOT_FOUND otherwise); returns the requests sent. */
export function serveApi(routes: Record<string, Answer>): SentRequest[] {
  const sent: SentRequest[] = [];
  request.mockImplementation(
    (options: { url: string; method: string; header: Record<string, string>; data?: unknown }) => {
      const url = new URL(options.url, 'http://miniapp.test');
      const path = url.pathname.replace(/^\/api/, '');
      const entry: SentRequest = {
        method: options.method,
        path,
        query: url.searchParams,
        header: options.header,
        data: options.data,
      };
      sent.push(entry);
      const key = `${options.method} ${path}`;
      let answer: unknown = key in routes ? routes[key] : apiError(404, 'ROUTE_NOT_FOUND');
      if (typeof answer === 'function') answer = (answer as (s: SentRequest) => unknown)(entry);
      const reply = isStatusReply(answer) ? answer : { status: 200, body: answer };
      return Promise.resolve({ statusCode: reply.status, data: reply.body, header: {} });
    },
  );
  return sent;
}
