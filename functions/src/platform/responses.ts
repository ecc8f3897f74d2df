import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { registeredError, type ErrorCode } from '@linli/shared/domain-error';
import { logger } from './logger';

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

/**
 * The one error shape: `{error:{code,message,details}}`, message in Chinese. A code this
 * function never registered (its domain did not declare the table) is a programming error: it is
 * logged and answered as INTERNAL, never with a status guessed.
 */
export function errorResponse(code: ErrorCode, details?: unknown, message?: string): APIGatewayProxyStructuredResultV2 {
  const entry = registeredError(code);
  if (!entry) {
    logger.error('error code not registered in this function', { code });
    return errorResponse('INTERNAL');
  }
  const status = entry.status;
  message ??= entry.message;
  const response = jsonResponse(status, {
    error: { code, message, ...(details === undefined ? {} : { details }) },
  });
  // "Try again later" says when: the client backs off at least this long.
  if (status === 503 || status === 429)
    response.headers = { ...JSON_HEADERS, 'retry-after': String(RETRY_AFTER_SECONDS) };
  return response;
}
