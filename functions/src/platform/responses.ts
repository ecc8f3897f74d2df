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

/** The one error shape: `{error:{code,message,details}}`, message in Chinese. */
export function errorResponse(
  code: ErrorCode,
  details?: unknown,
  message: string = ERRORS[code].message,
): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(ERRORS[code].status, {
    error: { code, message, ...(details === undefined ? {} : { details }) },
  });
}
