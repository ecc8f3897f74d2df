import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@linli/shared';
import { toErrorResponse } from '../../functions/src/platform/error-mapper';

const meta = { $metadata: {} };

describe('toErrorResponse', () => {
  it.each([
    ['throttling', new ProvisionedThroughputExceededException({ message: 'slow down', ...meta })],
    [
      'a transaction cancelled by throttling',
      new TransactionCanceledException({
        message: 'cancelled',
        ...meta,
        CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }],
      }),
    ],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' })],
    ['a timeout', Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })],
    ['a wrapped reset', new Error('AWS SDK error wrapper for Error: read ECONNRESET')],
    ['a wrapped hang-up', new Error('AWS SDK error wrapper for TimeoutError: socket hang up')],
    ['a refused connection as a cause', new Error('fetch failed', { cause: { code: 'ECONNREFUSED' } })],
    ['a domain 503', new DomainError('SERVICE_UNAVAILABLE')],
  ])('answers %s with 503, Retry-After and SERVICE_UNAVAILABLE', (_what, error) => {
    const res = toErrorResponse(error);
    expect(res.statusCode).toBe(503);
    expect(res.headers).toMatchObject({ 'retry-after': '2' });
    expect(JSON.parse(res.body!)).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: '系统正忙，请稍等片刻再试' },
    });
  });

  it('keeps a bug a 500 without internals or Retry-After', () => {
    const res = toErrorResponse(new TypeError('cannot read x of undefined'));
    expect(res.statusCode).toBe(500);
    expect(res.headers).not.toHaveProperty('retry-after');
    expect(res.body).not.toContain('undefined');
  });

  it('answers a code the function never registered as INTERNAL, not with a guessed status', () => {
    // What a Lambda would do if its domain failed to declare a table (error-tables.test.ts).
    const res = toErrorResponse(new DomainError('NOT_REGISTERED_ANYWHERE' as never));
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body!)).toEqual({ error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } });
  });

  it('keeps a condition failure in a transaction a 500 unless a rule maps it', () => {
    const res = toErrorResponse(
      new TransactionCanceledException({
        message: 'x',
        ...meta,
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
      }),
    );
    expect(res.statusCode).toBe(500);
  });
});
