import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routes, toApiGatewayPath, type RouteDef, type RouteDomain, type Routes } from '@linli/shared';
import { routeHandler, type LinliEvent, type RouteHandler, type RouteImpl } from './http';
import { errorResponse } from './responses';

/** `GET /community/{id}`: the key API Gateway puts in `event.routeKey`. */
export function routeKeyOf(route: Pick<RouteDef, 'method' | 'path'>): string {
  return `${route.method} ${toApiGatewayPath(route.path)}`;
}

type RoutesOf<D extends RouteDomain> = {
  [K in keyof Routes as Routes[K]['domain'] extends D ? K : never]: Routes[K];
};

/** Implementations for every route of a domain: the compiler insists on each one. */
export type DomainImpls<D extends RouteDomain> = {
  [K in keyof RoutesOf<D>]: RoutesOf<D>[K] extends RouteDef ? RouteImpl<RoutesOf<D>[K]> : never;
};

export interface DomainHandlers {
  domain: RouteDomain;
  /** route id → wrapped handler */
  byRouteId: Record<string, RouteHandler>;
  /** The Lambda entry point: dispatches on API Gateway's routeKey. */
  handler: (event: LinliEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
}

/** Wraps each implementation in the shared pipeline and returns the domain's Lambda handler. */
export function defineDomain<D extends RouteDomain>(domain: D, impls: DomainImpls<D>): DomainHandlers {
  const byRouteId: Record<string, RouteHandler> = {};
  const byRouteKey = new Map<string, RouteHandler>();
  for (const [id, impl] of Object.entries(impls) as [keyof Routes, RouteImpl<RouteDef>][]) {
    const route = routes[id] as RouteDef;
    if (route.domain !== domain) throw new Error(`route ${String(id)} belongs to ${route.domain}, not ${domain}`);
    const wrapped = routeHandler(route, impl);
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
}
