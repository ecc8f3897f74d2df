import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '@linli/shared/errors';
import { logger } from './logger';
import { errorResponse } from './responses';

/** AWS error names that mean "try again shortly", answered as 503 so clients back off and retry. */
const RETRYABLE_AWS_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
]);

/** Turns any error into the API's error shape; a 500 never carries internals. */
export function toErrorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) return errorResponse(error.code, error.details, error.message);
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && RETRYABLE_AWS_ERRORS.has(name)) return errorResponse('SERVICE_UNAVAILABLE');
  return errorResponse('INTERNAL');
}

export const errorMapper: MiddlewareObj = {
  onError: (request) => {
    const error = request.error;
    const response = toErrorResponse(error);
    if (response.statusCode !== undefined && response.statusCode >= 500) {
      logger.error('request failed', { status: response.statusCode, error: error as Error });
    } else {
      logger.info('request refused', {
        status: response.statusCode,
        code: error instanceof DomainError ? error.code : (error as Error | null)?.name,
      });
    }
    request.response = response;
  },
};
