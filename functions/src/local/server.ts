import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { MAX_BODY_BYTES, routeList, type RouteDef } from '@linli/shared';
import { domains } from '../domains';
import { routeKeyOf } from '../platform/lambda-router';
import type { LinliEvent } from '../platform/http';
import { errorResponse } from '../platform/responses';
import { PHOTO_MAX_BYTES } from '@linli/shared/domain/photos/rules';
import {
  acceptDevUpload,
  DEV_PHOTO_PATH,
  serveDevPhoto,
  setDevPhotoBaseUrl,
  type DevPhotoAnswer,
} from '../photos/dev-store';
import { matchRoute } from './route-matcher';

/**
 * Bodies beyond the largest route limit are cut off unread (API Gateway stops at 10 MB); the
 * pipeline answers 413 for anything over the route's own limit.
 */
const READ_LIMIT_BYTES = Math.max(MAX_BODY_BYTES, ...routeList.map((r) => r.maxBodyBytes ?? 0)) + 1;

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization,content-type,idempotency-key,x-acting-for',
  'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
  'access-control-max-age': '600',
};

const handlerByDomain = new Map(domains.map((d) => [d.domain, d.handler]));

function readBody(req: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > READ_LIMIT_BYTES) {
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge }));
    req.on('error', reject);
  });
}

/** The API Gateway HTTP API (payload v2) event that Lambda would receive for this request. */
export function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  route: RouteDef,
  pathParameters: Record<string, string>,
  body: string,
): LinliEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] ? `${query[name]},${value}` : value;
  const now = new Date();
  const routeKey = routeKeyOf(route);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body === '' ? undefined : body,
    isBase64Encoded: false,
  };
}

/** API Gateway's integration timeout, which caps a Lambda invocation behind it. */
const DEFAULT_LAMBDA_TIMEOUT_MS = 29_000;

function lambdaContext(domain: string, requestId: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `linli-local-${domain}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:linli-local-${domain}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/linli-local-${domain}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  res.writeHead(result.statusCode ?? 200, { ...CORS_HEADERS, ...(result.headers as Record<string, string>) });
  res.end(result.body ?? '');
}

/** A multipart form's overhead beyond the file: the signed fields and the part headers. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Reads a body as bytes, up to `limit`; undefined when it is longer. */
function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The dev photo store's side of the local API (the bucket's, in AWS): POST a multipart upload
 * form to /dev-photos, GET /dev-photos/<key> with the link's signature.
 */
async function devPhotoRequest(req: IncomingMessage, url: URL, method: string): Promise<DevPhotoAnswer> {
  if (method === 'GET' && url.pathname.startsWith(`${DEV_PHOTO_PATH}/`)) {
    return serveDevPhoto(decodeURIComponent(url.pathname.slice(DEV_PHOTO_PATH.length + 1)), url.searchParams);
  }
  if (method !== 'POST' || url.pathname !== DEV_PHOTO_PATH) {
    return { status: 405, contentType: 'text/plain', body: 'method not allowed' };
  }
  const raw = await readRaw(req, PHOTO_MAX_BYTES + FORM_OVERHEAD_BYTES);
  if (!raw) return { status: 400, contentType: 'text/plain', body: 'EntityTooLarge' };
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    return { status: 400, contentType: 'text/plain', body: 'multipart/form-data expected' };
  }
  // undici's multipart parser (the one fetch uses) reads the form as a browser sent it.
  const form = await new Request('http://local/upload', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new Uint8Array(raw),
  })
    .formData()
    .catch(() => undefined);
  if (!form) return { status: 400, contentType: 'text/plain', body: 'malformed form' };
  return acceptDevUpload(form);
}

/** Handles one HTTP request exactly as API Gateway + Lambda would. */
export async function handleLocalRequest(
  req: IncomingMessage,
  res: ServerResponse,
  lambdaTimeoutMs = DEFAULT_LAMBDA_TIMEOUT_MS,
): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS);
    res.end();
    return;
  }
  if (url.pathname === DEV_PHOTO_PATH || url.pathname.startsWith(`${DEV_PHOTO_PATH}/`)) {
    const answer = await devPhotoRequest(req, url, method);
    res.writeHead(answer.status, { ...CORS_HEADERS, 'content-type': answer.contentType, 'cache-control': 'private' });
    res.end(answer.body);
    return;
  }
  const match = matchRoute(method, url.pathname);
  const { text, tooLarge } = await readBody(req);
  if (match.kind === 'not-found') return send(res, errorResponse('ROUTE_NOT_FOUND'));
  if (match.kind === 'method-not-allowed') return send(res, errorResponse('METHOD_NOT_ALLOWED'));
  if (match.kind === 'bad-encoding') return send(res, errorResponse('PATH_ENCODING_INVALID'));
  if (tooLarge) return send(res, errorResponse('PAYLOAD_TOO_LARGE'));
  const handler = handlerByDomain.get(match.route.domain);
  if (!handler) return send(res, errorResponse('ROUTE_NOT_FOUND'));
  const event = toApiGatewayEvent(req, url, match.route, match.pathParameters, text);
  const result = await handler(
    event,
    lambdaContext(match.route.domain, event.requestContext.requestId, lambdaTimeoutMs),
  );
  send(res, result);
}

export interface LocalApi {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the local API on 127.0.0.1 (port 0 picks a free one). `lambdaTimeoutMs` is the
 * invocation time each handler is given (tests shorten it so a dead claim lapses sooner).
 */
export async function startLocalApi(
  port = 0,
  host = '127.0.0.1',
  options: { lambdaTimeoutMs?: number } = {},
): Promise<LocalApi> {
  const server = createServer((req, res) => {
    handleLocalRequest(req, res, options.lambdaTimeoutMs).catch(() => {
      if (!res.headersSent) send(res, errorResponse('INTERNAL'));
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  // Upload forms and photo links of the dev photo store point here.
  setDevPhotoBaseUrl(`http://${host}:${address.port}`);
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
