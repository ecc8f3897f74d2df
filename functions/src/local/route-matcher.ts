import { pathParamNames, routeList, type RouteDef } from '@linli/shared';

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = routeList.map((route) => ({
  route,
  names: pathParamNames(route.path),
  pattern: new RegExp(`^${route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z0-9_]+)/g, '([^/]+)')}$`),
}));

export type MatchResult =
  | { kind: 'match'; route: RouteDef; pathParameters: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

/** Finds the route for a method and path the way API Gateway does (exact segments, params decoded). */
export function matchRoute(method: string, path: string): MatchResult {
  let pathMatched = false;
  for (const { route, pattern, names } of compiled) {
    const m = pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const pathParameters: Record<string, string> = {};
    names.forEach((name, i) => {
      pathParameters[name] = decodeURIComponent(m[i + 1]!);
    });
    return { kind: 'match', route, pathParameters };
  }
  return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}
