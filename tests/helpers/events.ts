import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { LinliEvent } from '../../functions/src/platform/http';

export interface EventOptions {
  method: string;
  /** API Gateway route path, e.g. `/things/{id}` */
  routePath: string;
  path: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

/** An API Gateway HTTP API (v2) event, as Lambda receives it. */
export function apiEvent(o: EventOptions): LinliEvent {
  const routeKey = `${o.method} ${o.routePath}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: o.path,
    rawQueryString: new URLSearchParams(o.query ?? {}).toString(),
    headers: Object.fromEntries(Object.entries(o.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    queryStringParameters: o.query,
    pathParameters: o.pathParameters,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'test',
      domainPrefix: 'test',
      http: { method: o.method, path: o.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: o.body,
    isBase64Encoded: false,
  };
}

/** A Lambda context for direct handler calls. */
export function lambdaContext(functionName = 'linli-test'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
