import * as z from 'zod/mini';

/** Roles a user can hold; each is bound to a place (community, building or merchant). */
export const ROLES = ['resident', 'volunteer', 'merchant', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route. */
export type RouteRoles = 'public' | 'authenticated' | readonly Role[];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Where a caller must stand relative to the resource:
 * - none: any caller that passed the role check
 * - community: the path's `communityId` (or `id` on /community/:id) is the caller's community
 */
export type RouteScope = 'none' | 'community';

/** Lambda function (one per domain) that serves a route. */
export type RouteDomain = 'community' | 'identity' | 'council' | 'agenda' | 'canteen' | 'points' | 'notify';

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
  params: P;
  query: Q;
  body: B;
  response: R;
  /** HTTP status of a success; 200 unless said otherwise. */
  successStatus?: 200 | 201 | 202 | 204;
}

const empty = z.strictObject({});

/** Builds a route with empty params/query/body by default, keeping id, domain and roles literal. */
export function defineRoute<
  const Id extends string,
  const D extends RouteDomain,
  const Roles extends RouteRoles,
  P extends z.ZodMiniType = typeof empty,
  Q extends z.ZodMiniType = typeof empty,
  B extends z.ZodMiniType = typeof empty,
  R extends z.ZodMiniType = z.ZodMiniType,
>(
  def: Omit<RouteDef<P, Q, B, R>, 'params' | 'query' | 'body' | 'id' | 'domain' | 'roles'> & {
    id: Id;
    domain: D;
    roles: Roles;
    params?: P;
    query?: Q;
    body?: B;
  },
): RouteDef<P, Q, B, R> & { id: Id; domain: D; roles: Roles } {
  return {
    ...def,
    params: (def.params ?? empty) as P,
    query: (def.query ?? empty) as Q,
    body: (def.body ?? empty) as B,
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

export type Params<R extends RouteDef> = z.infer<R['params']>;
export type Query<R extends RouteDef> = z.infer<R['query']>;
export type Body<R extends RouteDef> = z.infer<R['body']>;
export type Reply<R extends RouteDef> = z.infer<R['response']>;
