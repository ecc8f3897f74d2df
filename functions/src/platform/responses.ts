import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ERRORS, type ErrorCode } from '@linli/shared/errors';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** A JSON response in API Gateway HTTP API v2 form. */
export function jsonResponse(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: JSON_HEADERS,
    body: statusCode === 204 ? '' : JSON.stringify(body),
  };
}

/** A plain-text response (a route with `responseType: 'text'`): the body goes out as it is. */
export function textResponse(statusCode: number, body: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/** Seconds a client should wait before retrying a 503 or 429 (sent as Retry-After). */
export const RETRY_AFTER_SECONDS = 2;

/** The one error shape: `{error:{code,message,details}}`, message in Chinese. */
export function errorResponse(
  code: ErrorCode,
  details?: unknown,
  message: string = ERRORS[code].message,
): APIGatewayProxyStructuredResultV2 {
  const status = ERRORS[code].status;
  const response = jsonResponse(status, {
    error: { code, message, ...(details === undefined ? {} : { details }) },
  });
  // "Try again later" says when: the client backs off at least this long.
  if (status === 503 || status === 429)
    response.headers = { ...JSON_HEADERS, 'retry-after': String(RETRY_AFTER_SECONDS) };
  return response;
}
