import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { toApiGatewayPath, type RouteDef, type RouteDomain } from '@linli/shared/contract/route';
import { PIPELINE_ERRORS, registerErrorTables, type ErrorTable } from '@linli/shared/domain-error';
import type { PipelineHooks } from './acting-for';
import { routeHandler, type LinliEvent, type RouteHandler, type RouteImpl } from './http';
import { errorResponse } from './responses';

/** `GET /community/{id}`: the key API Gateway puts in `event.routeKey`. */
export function routeKeyOf(route: Pick<RouteDef, 'method' | 'path'>): string {
  return `${route.method} ${toApiGatewayPath(route.path)}`;
}

/** Implementations for every route of a domain's table: the compiler insists on each one. */
export type DomainImpls<T extends Record<string, RouteDef>> = { [K in keyof T]: RouteImpl<T[K]> };

/** What a domain declares beside its routes: its error tables and the pipeline's hooks. */
export interface DomainOptions extends PipelineHooks {
  /**
   * The feature error tables (shared/src/domain/<feature>/*errors.ts) whose codes this domain's
   * code can raise; the pipeline's own codes come with every domain. The function bundles these
   * tables and no other; tests/unit/error-tables.test.ts builds each bundle and fails when a code
   * in it is missing from its domain's tables.
   */
  errorTables: readonly ErrorTable[];
}

/** A Lambda handler of the API: API Gateway's event in, its structured result out. */
export type Dispatch = (event: LinliEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface DomainHandlers {
  domain: RouteDomain;
  /** Every code this domain answers with a status and message: the pipeline's and its tables'. */
  errorCodes: ReadonlySet<string>;
  /** The ids of the routes it serves. */
  routeIds: readonly string[];
  /** The Lambda entry point: dispatches on API Gateway's routeKey. */
  handler: Dispatch;
}

/**
 * A route's pipeline, built on the route's first request. One invocation serves one route, and
 * building every route's middy chain at require cost each cold start about 1.2 ms of CPU in the
 * canteen function's 25 routes (measured with --cpu-prof), for chains it would mostly not run.
 */
function onFirstRequest(build: () => RouteHandler): Dispatch {
  let built: RouteHandler | undefined;
  return (event, context) => (built ??= build())(event, context);
}

/**
 * Wraps each implementation in the shared pipeline and returns the domain's Lambda handler.
 * It takes the domain's own slice of the route table, so a function bundles only its schemas.
 */
export const defineDomain =
  <T extends Record<string, RouteDef>>(domain: RouteDomain, domainRoutes: T, options: DomainOptions) =>
  (impls: DomainImpls<T>): DomainHandlers => {
    const { errorTables, ...hooks } = options;
    registerErrorTables(errorTables);
    const routeIds: string[] = [];
    const byRouteKey = new Map<string, Dispatch>();
    for (const id of hooks.answeredInTransaction ?? []) {
      if (!domainRoutes[id]?.idempotent)
        throw new Error(`answeredInTransaction: ${id} is not an idempotent ${domain} route`);
    }
    for (const [id, route] of Object.entries(domainRoutes)) {
      if (route.domain !== domain) throw new Error(`route ${id} belongs to ${route.domain}, not ${domain}`);
      routeIds.push(route.id);
      byRouteKey.set(
        routeKeyOf(route),
        onFirstRequest(() => routeHandler(route, impls[id] as RouteImpl<RouteDef>, hooks)),
      );
    }
    return {
      domain,
      errorCodes: new Set([PIPELINE_ERRORS, ...errorTables].flatMap((table) => Object.keys(table))),
      routeIds,
      handler: async (event, context) => {
        const wrapped = byRouteKey.get(event.routeKey);
        if (!wrapped) return errorResponse('ROUTE_NOT_FOUND');
        return wrapped(event, context);
      },
    };
  };
