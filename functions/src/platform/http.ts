import middy, { type MiddlewareObj, type MiddyfiedHandler } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { config as configureZod, type $ZodError } from 'zod/v4/core';
import { zhCN } from 'zod/locales';
import { Id } from '@linli/shared/contract/common';
import type { Principal } from '@linli/shared/contract/principal';
import type { Body, Params, Query, Reply, RouteDef } from '@linli/shared/contract/route';
import { DomainError, MAX_BODY_BYTES } from '@linli/shared/domain-error';
import { mayActInCommunity, mayActInStreet, mayCallRoute } from '@linli/shared/domain/access/rules';
import type { ActingSubject, PipelineHooks } from './acting-for';
import { bearerToken, verifyAccessToken } from './auth';
import { errorMapper } from './error-mapper';
import { idempotencyMiddleware, withIdempotencyScope, type IdempotencyClaim } from './idempotency';
import { logger } from './logger';
import { jsonResponse, textResponse } from './responses';

// Field messages that a schema does not word itself come out in Chinese, like every other message.
configureZod(zhCN());

/** What a route implementation receives: the validated request and who asked. */
export interface RouteRequest<R extends RouteDef> {
  params: Params<R>;
  query: Query<R>;
  body: Body<R>;
  principal: R['roles'] extends 'public' ? Principal | undefined : Principal;
  requestId: string;
  idempotencyKey: string | undefined;
  /**
   * On routes that allow it, the member the caller acts for (代办, `X-Acting-For` header);
   * undefined when the caller acts for themselves. Records keep both: principal and subject.
   */
  onBehalfOf: ActingSubject | undefined;
}

export type RouteImpl<R extends RouteDef> = (request: RouteRequest<R>) => Promise<Reply<R>>;

/** State the middlewares pass along on the event, under one name so nothing collides. */
interface LinliState {
  body?: unknown;
  principal?: Principal;
  params?: unknown;
  query?: unknown;
  validBody?: unknown;
  idempotency?: { userId: string; routeId: string; key: string };
  /** This request's claim on its idempotency record, once taken. */
  idempotencyClaim?: IdempotencyClaim;
  onBehalfOf?: ActingSubject;
}

export type LinliEvent = APIGatewayProxyEventV2 & { linli?: LinliState };
export type RouteHandler = MiddyfiedHandler<LinliEvent, APIGatewayProxyStructuredResultV2, Error, Context>;

type Middleware = MiddlewareObj<LinliEvent, APIGatewayProxyStructuredResultV2, Error, Context>;

const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function state(event: LinliEvent): LinliState {
  event.linli ??= {};
  return event.linli;
}

/**
 * Rejects oversized bodies and parses JSON; the raw body is never trusted beyond this point.
 * A route that carries a file declares its own, larger limit.
 */
const parseBody = (route: RouteDef): Middleware => ({
  before: ({ event }) => {
    const raw = event.body;
    if (raw === undefined || raw === null || raw === '') return;
    const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    if (Buffer.byteLength(text, 'utf8') > (route.maxBodyBytes ?? MAX_BODY_BYTES))
      throw new DomainError('PAYLOAD_TOO_LARGE');
    const contentType = header(event, 'content-type') ?? '';
    if (!/^application\/(.+\+)?json\b/i.test(contentType)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
    try {
      state(event).body = JSON.parse(text) as unknown;
    } catch {
      throw new DomainError('MALFORMED_JSON');
    }
  },
});

function authenticate(route: RouteDef): Middleware {
  return {
    before: async ({ event }) => {
      const token = bearerToken(header(event, 'authorization'));
      if (route.roles === 'public') {
        // A public route still knows who asks when a valid token comes along.
        if (token) state(event).principal = await verifyAccessToken(token).catch(() => undefined);
        return;
      }
      if (!token) throw new DomainError('UNAUTHENTICATED');
      const principal = await verifyAccessToken(token);
      if (!mayCallRoute(principal, route)) throw new DomainError('FORBIDDEN');
      state(event).principal = principal;
      logger.appendKeys({ userId: principal.userId });
    },
  };
}

function issuesOf(error: $ZodError, where: string) {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function failIfInvalid(issues: { path: string; message: string }[]): void {
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', issues);
}

/** Path parameters first: the scope check needs them, and it must refuse before body checks run. */
function validateParams(route: RouteDef): Middleware {
  return {
    before: ({ event }) => {
      const params = route.schemas().params.safeParse(event.pathParameters ?? {});
      failIfInvalid(params.success ? [] : issuesOf(params.error, 'params'));
      state(event).params = params.data;
    },
  };
}

function validateQueryAndBody(route: RouteDef): Middleware {
  return {
    before: ({ event }) => {
      const s = state(event);
      const { query: querySchema, body: bodySchema } = route.schemas();
      const query = querySchema.safeParse(event.queryStringParameters ?? {});
      const body = bodySchema.safeParse(s.body ?? {});
      failIfInvalid([
        ...(query.success ? [] : issuesOf(query.error, 'query')),
        ...(body.success ? [] : issuesOf(body.error, 'body')),
      ]);
      s.query = query.data;
      s.validBody = body.data;
    },
  };
}

/** Scoped routes: the caller must act in the community (or street) the path names. */
function checkScope(route: RouteDef): Middleware {
  return {
    before: ({ event }) => {
      if (route.scope === 'none' || route.roles === 'public') return;
      const s = state(event);
      if (route.scope === 'street') {
        const { streetId } = s.params as { streetId?: string };
        if (!streetId || !s.principal) throw new DomainError('FORBIDDEN');
        if (!mayActInStreet(s.principal, streetId)) throw new DomainError('OUT_OF_STREET');
        return;
      }
      const params = s.params as { communityId?: string; id?: string };
      const communityId = params.communityId ?? params.id;
      if (!communityId || !s.principal) throw new DomainError('FORBIDDEN');
      if (!mayActInCommunity(s.principal, route.roles, communityId)) throw new DomainError('OUT_OF_SCOPE');
    },
  };
}

/**
 * `X-Acting-For` is honoured only on routes that declare it, and refused elsewhere, so nobody
 * believes they acted for an elder when the route acted for themselves.
 */
function resolveActingFor(route: RouteDef, hooks: PipelineHooks): Middleware {
  const resolve = hooks.actingFor;
  if (route.actingFor && !resolve) throw new Error(`route ${route.id} allows X-Acting-For but no resolver was passed`);
  return {
    before: async ({ event }) => {
      const memberId = header(event, 'x-acting-for');
      if (!memberId) return;
      if (!route.actingFor) throw new DomainError('ACTING_FOR_UNSUPPORTED');
      // A header is input like any other: a member id has the id format and length, or no lookup is made.
      if (!Id().safeParse(memberId).success) throw new DomainError('ACTING_FOR_INVALID');
      const s = state(event);
      if (!s.principal) throw new DomainError('UNAUTHENTICATED');
      s.onBehalfOf = await resolve!(s.principal, memberId);
    },
  };
}

/** Idempotent routes require an Idempotency-Key, scoped to the caller and the route. */
function requireIdempotencyKey(route: RouteDef): Middleware {
  return {
    before: ({ event }) => {
      if (!route.idempotent) return;
      const key = header(event, 'idempotency-key');
      if (!key || !IDEMPOTENCY_KEY_PATTERN.test(key)) throw new DomainError('IDEMPOTENCY_KEY_INVALID');
      const s = state(event);
      s.idempotency = { userId: s.principal?.userId ?? 'anonymous', routeId: route.id, key };
    },
  };
}

/**
 * Wraps a route implementation in the one pipeline every route uses:
 * logging → body limit and JSON → token → role → path params → scope → query and body →
 * idempotency → handler,
 * with every error mapped to its status and Chinese message.
 */
export function routeHandler<R extends RouteDef>(
  route: R,
  impl: RouteImpl<R>,
  hooks: PipelineHooks = {},
): RouteHandler {
  const core = async (event: LinliEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const s = state(event);
    // Parsing the reply strips anything the contract does not promise (internal fields, openid).
    const render = (reply: unknown) => {
      const parsed: unknown = route.schemas().response.parse(reply);
      const status = route.successStatus ?? 200;
      return route.responseType === 'text' ? textResponse(status, String(parsed)) : jsonResponse(status, parsed);
    };
    const reply = await withIdempotencyScope(event, render, () =>
      impl({
        params: s.params as Params<R>,
        query: s.query as Query<R>,
        body: s.validBody as Body<R>,
        principal: s.principal as RouteRequest<R>['principal'],
        requestId: event.requestContext?.requestId ?? context.awsRequestId,
        idempotencyKey: s.idempotency?.key,
        onBehalfOf: s.onBehalfOf,
      }),
    );
    return render(reply);
  };

  const handler = middy<LinliEvent, APIGatewayProxyStructuredResultV2, Error, Context>(core)
    .use(requestLogging(route))
    .use(parseBody(route))
    .use(authenticate(route))
    .use(validateParams(route))
    .use(checkScope(route))
    .use(resolveActingFor(route, hooks))
    .use(validateQueryAndBody(route))
    .use(requireIdempotencyKey(route));
  if (route.idempotent) {
    handler.use(idempotencyMiddleware(hooks.answeredInTransaction?.includes(route.id) ? 'in-transaction' : 'claim'));
  }
  // Registered last so its onError runs first and every error leaves as a mapped response.
  return handler.use(errorMapper);
}

function requestLogging(route: RouteDef): Middleware {
  return {
    before: ({ event, context }) => {
      logger.addContext(context);
      logger.appendKeys({
        requestId: event.requestContext?.requestId ?? context.awsRequestId,
        routeId: route.id,
      });
    },
    after: ({ event, response }) => {
      logger.info('request done', { method: event.requestContext?.http?.method, status: response?.statusCode });
      logger.resetKeys();
    },
    onError: () => {
      logger.resetKeys();
    },
  };
}
