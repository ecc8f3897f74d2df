import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { toApiGatewayPath, type RouteDef, type RouteDomain } from '@linli/shared/contract/route';
import type { PipelineHooks } from './acting-for';
import { routeHandler, type LinliEvent, type RouteHandler, type RouteImpl } from './http';
import { errorResponse } from './responses';

/** `GET /community/{id}`: the key API Gateway puts in `event.routeKey`. */
export function routeKeyOf(route: Pick<RouteDef, 'method' | 'path'>): string {
  return `${route.method} ${toApiGatewayPath(route.path)}`;
}

/** Implementations for every route of a domain's table: the compiler insists on each one. */
export type DomainImpls<T extends Record<string, RouteDef>> = { [K in keyof T]: RouteImpl<T[K]> };

export interface DomainHandlers {
  domain: RouteDomain;
  /** route id → wrapped handler */
  byRouteId: Record<string, RouteHandler>;
  /** The Lambda entry point: dispatches on API Gateway's routeKey. */
  handler: (event: LinliEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
}

/**
 * Wraps each implementation in the shared pipeline and returns the domain's Lambda handler.
 * It takes the domain's own slice of the route table, so a function bundles only its schemas.
 */
export const defineDomain =
  <T extends Record<string, RouteDef>>(domain: RouteDomain, domainRoutes: T, hooks: PipelineHooks = {}) =>
  (impls: DomainImpls<T>): DomainHandlers => {
    const byRouteId: Record<string, RouteHandler> = {};
    const byRouteKey = new Map<string, RouteHandler>();
    for (const id of hooks.answeredInTransaction ?? []) {
      if (!domainRoutes[id]?.idempotent)
        throw new Error(`answeredInTransaction: ${id} is not an idempotent ${domain} route`);
    }
    for (const [id, route] of Object.entries(domainRoutes)) {
      if (route.domain !== domain) throw new Error(`route ${id} belongs to ${route.domain}, not ${domain}`);
      const wrapped = routeHandler(route, impls[id] as RouteImpl<RouteDef>, hooks);
      byRouteId[route.id] = wrapped;
      byRouteKey.set(routeKeyOf(route), wrapped);
    }
    return {
      domain,
      byRouteId,
      handler: async (event, context) => {
        const wrapped = byRouteKey.get(event.routeKey);
        if (!wrapped) return errorResponse('ROUTE_NOT_FOUND');
        return wrapped(event, context);
      },
    };
  };
