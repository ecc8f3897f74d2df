import * as z from 'zod/mini';

/** Roles a user can hold; each is bound to a place (community, building or merchant). */
export const ROLES = [
  'resident',
  'volunteer',
  'merchant',
  'staff',
  'admin',
  /** Street operator (街道管理员): one street office's communities and their staff. */
  'street',
  /** Partner unit (共建单位) operator: takes on 微心愿 for its community. */
  'partner',
  /** Grid worker (网格员): visits the households of one grid of a community; one grant per grid. */
  'grid',
] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route. */
export type RouteRoles = 'public' | 'authenticated' | readonly Role[];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Where a caller must stand relative to the resource:
 * - none: any caller that passed the role check
 * - community: the path's `communityId` (or `id` on /community/:id) is the caller's community
 * - street: the path's `streetId` is the street the caller operates (admin: every street)
 */
export type RouteScope = 'none' | 'community' | 'street';

/** Lambda function (one per domain) that serves a route. */
export type RouteDomain =
  | 'community'
  | 'identity'
  | 'council'
  | 'agenda'
  | 'canteen'
  | 'points'
  | 'notify'
  | 'privacy'
  | 'moderation'
  | 'onboarding'
  | 'care'
  | 'grid'
  | 'roster'
  | 'photos';

/** The schemas of one route. */
export interface RouteSchemas<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
  R extends z.ZodMiniType = z.ZodMiniType,
> {
  params: P;
  query: Q;
  body: B;
  response: R;
}

/** One entry of the route table: everything the API, the client, CDK and OpenAPI need. */
export interface RouteDef<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
  R extends z.ZodMiniType = z.ZodMiniType,
> {
  id: string;
  method: HttpMethod;
  /** Express-style path, `:name` for parameters, e.g. `/community/:id`. */
  path: string;
  summary: string;
  domain: RouteDomain;
  /**
   * `public`: no token needed. `authenticated`: any signed-in user, even one with no role yet
   * (a newcomer applying for membership). Otherwise the caller must hold one of these roles.
   */
  roles: RouteRoles;
  /** The caller may act for a member they care for (代办) with the `X-Acting-For` header. */
  actingFor?: boolean;
  scope: RouteScope;
  /** Retries with the same Idempotency-Key header replay the first answer. */
  idempotent: boolean;
  /**
   * The route's schemas, built on first use and kept. A Lambda serving a domain's routes then
   * builds only the schemas of the routes it is asked for, not all of them at cold start.
   */
  schemas: () => RouteSchemas<P, Q, B, R>;
  /** HTTP status of a success; 200 unless said otherwise. */
  successStatus?: 200 | 201 | 202 | 204;
  /**
   * How the reply travels: JSON (default), or `text` sent as `text/plain` exactly as returned,
   * for callers that compare the raw body (WeChat's push-URL check wants the bare echostr back).
   */
  responseType?: 'json' | 'text';
  /** A larger body limit than MAX_BODY_BYTES, for the one route that carries a file (roster import). */
  maxBodyBytes?: number;
}

/** Memoizes a schema factory: the schema is built on first call and reused after. */
export function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      built = build();
      done = true;
    }
    return built as T;
  };
}

/** The type a lazy schema parses to. */
export type Infer<L extends () => z.ZodMiniType> = z.infer<ReturnType<L>>;

const empty = lazy(() => z.strictObject({}));
type Empty = ReturnType<typeof empty>;

type Given = { params?: z.ZodMiniType; query?: z.ZodMiniType; body?: z.ZodMiniType; response: z.ZodMiniType };
type Or<T, D> = T extends z.ZodMiniType ? T : D;

/** Builds a route (params, query and body default to the empty object), keeping id, domain and roles literal. */
export function defineRoute<
  const Id extends string,
  const D extends RouteDomain,
  const Roles extends RouteRoles,
  S extends Given,
>(
  def: Omit<RouteDef, 'id' | 'domain' | 'roles' | 'schemas'> & {
    id: Id;
    domain: D;
    roles: Roles;
    schemas: () => S;
  },
): RouteDef<Or<S['params'], Empty>, Or<S['query'], Empty>, Or<S['body'], Empty>, S['response']> & {
  id: Id;
  domain: D;
  roles: Roles;
} {
  const given = def.schemas;
  return {
    ...def,
    schemas: lazy(() => {
      const s = given();
      return {
        params: (s.params ?? empty()) as Or<S['params'], Empty>,
        query: (s.query ?? empty()) as Or<S['query'], Empty>,
        body: (s.body ?? empty()) as Or<S['body'], Empty>,
        response: s.response as S['response'],
      };
    }),
  };
}

/** `/community/:id` → `/community/{id}` (API Gateway and OpenAPI form). */
export function toApiGatewayPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Names of the `:params` of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
}

/** Fills `:params` in a path, URI-encoding each value. */
export function fillPath(path: string, params: Record<string, string | number>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

type SchemasOf<R extends RouteDef> = ReturnType<R['schemas']>;
export type Params<R extends RouteDef> = z.infer<SchemasOf<R>['params']>;
export type Query<R extends RouteDef> = z.infer<SchemasOf<R>['query']>;
export type Body<R extends RouteDef> = z.infer<SchemasOf<R>['body']>;
export type Reply<R extends RouteDef> = z.infer<SchemasOf<R>['response']>;
