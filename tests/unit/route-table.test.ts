import type * as z from 'zod/mini';
import { pathParamNames, routeList, routes, toApiGatewayPath } from '@linli/shared';
import { domains } from '../../functions/src/domains';
import { routeKeyOf } from '../../functions/src/platform/lambda-router';

describe('the route table', () => {
  it('gives every route a unique id equal to its key', () => {
    for (const [key, route] of Object.entries(routes)) expect(route.id).toBe(key);
    expect(new Set(routeList.map((r) => r.id)).size).toBe(routeList.length);
  });

  it('never declares the same method and path twice', () => {
    const keys = routeList.map(routeKeyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('declares a params schema naming exactly the path parameters', () => {
    for (const route of routeList) {
      const shape = (route.schemas().params as z.ZodMiniObject).shape as Record<string, unknown>;
      expect(Object.keys(shape).sort()).toEqual(pathParamNames(route.path).sort());
    }
  });

  it('only lets idempotent routes be writes', () => {
    for (const route of routeList.filter((r) => r.idempotent)) expect(route.method).not.toBe('GET');
  });

  it('scopes a route to a community only when its path names the community', () => {
    for (const route of routeList.filter((r) => r.scope === 'community')) {
      const names = pathParamNames(route.path);
      expect(names.includes('communityId') || (route.path.startsWith('/community/:id') && names.includes('id'))).toBe(
        true,
      );
    }
  });

  it('converts paths to the API Gateway form', () => {
    expect(toApiGatewayPath('/community/:id/buildings/:buildingId')).toBe('/community/{id}/buildings/{buildingId}');
  });
});

describe('handlers and routes', () => {
  const handled = new Map<string, string>();
  for (const domain of domains) {
    for (const id of domain.routeIds) handled.set(id, domain.domain);
  }

  it('has a handler for every route, in the route’s own domain', () => {
    for (const route of routeList) expect(handled.get(route.id)).toBe(route.domain);
  });

  it('has a route for every handler', () => {
    const ids = new Set(routeList.map((r) => r.id));
    for (const id of handled.keys()) expect(ids.has(id)).toBe(true);
  });
});
