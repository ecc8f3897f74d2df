import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '@linli/shared/domain-error';
import { logger } from './logger';
import { errorResponse } from './responses';

/** AWS error names that mean "try again shortly", answered as 503 so clients back off and retry. */
const RETRYABLE_AWS_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionInProgressException',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  // The SDK's own names for a request that got no answer in time.
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** Socket errors: the database could not be reached at all. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

/** Reasons inside a cancelled transaction that mean the same "try again shortly". */
const RETRYABLE_CANCELLATIONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'TransactionConflict']);

/**
 * Whether an error means the database (or another AWS service) is unreachable, overloaded or
 * throttling: a client cannot fix its request, but the same request will work a little later.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    cause?: unknown;
    message?: unknown;
    CancellationReasons?: { Code?: string }[];
  };
  if (typeof e.name === 'string' && RETRYABLE_AWS_ERRORS.has(e.name)) return true;
  if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
  // A socket error from another realm reaches us re-wrapped by the SDK with only its text
  // ("AWS SDK error wrapper for Error: connect ECONNREFUSED …"); the code is still in the message.
  if (typeof e.message === 'string' && /^AWS SDK error wrapper for /.test(e.message)) {
    const words = e.message.match(/[A-Za-z]+/g) ?? [];
    if (words.some((w) => UNREACHABLE_CODES.has(w) || RETRYABLE_AWS_ERRORS.has(w))) return true;
    if (e.message.includes('socket hang up')) return true;
  }
  if (
    e.name === 'TransactionCanceledException' &&
    e.CancellationReasons?.some((r) => RETRYABLE_CANCELLATIONS.has(r.Code ?? ''))
  )
    return true;
  // Undici and the SDK wrap socket errors; the cause says what happened.
  return e.cause !== undefined && e.cause !== error && isTransientInfrastructureError(e.cause);
}

/** Turns any error into the API's error shape; a 500 never carries internals. */
export function toErrorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) return errorResponse(error.code, error.details, error.message);
  return errorResponse(isTransientInfrastructureError(error) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL');
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
