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
  | { kind: 'not-found' }
  | { kind: 'bad-encoding' };

/** Percent-decodes one path segment; undefined when its encoding is malformed (`%E0%A4%A`). */
function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Finds the route for a method and path the way API Gateway does (exact segments, params decoded). */
export function matchRoute(method: string, path: string): MatchResult {
  let pathMatched = false;
  for (const { route, pattern, names } of compiled) {
    const m = pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const pathParameters: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      const value = decodeSegment(m[i + 1]!);
      // A client's broken encoding is bad input (400), never a crash of the server.
      if (value === undefined) return { kind: 'bad-encoding' };
      pathParameters[name] = value;
    }
    return { kind: 'match', route, pathParameters };
  }
  return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}
