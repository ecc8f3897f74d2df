/**
 * Headers and path parameters are input like bodies: a value of the wrong format or length,
 * or a path whose percent-encoding is broken, is a 400 with a stable code, never a 500 — both
 * on the local API server and in the Lambda handlers behind API Gateway.
 */
import { fillPath, pathParamNames, routeList, type RouteDef } from '@linli/shared';
import { domains } from '../../functions/src/domains';
import { routeKeyOf } from '../../functions/src/platform/lambda-router';
import { TestApi } from '../helpers/api';
import { lambdaContext } from '../helpers/events';
import { tokenFor } from '../helpers/tokens';

const api = new TestApi();
let adminToken: string;
beforeAll(async () => {
  await api.start();
  adminToken = await tokenFor({ userId: 'hostile-admin', name: '管理员', grants: [{ role: 'admin' }] });
});
afterAll(() => api.stop());

const SAMPLE_PARAMS: Record<string, string> = { date: '2030-01-01', meal: 'lunch' };
const sampleParams = (route: RouteDef) =>
  Object.fromEntries(pathParamNames(route.path).map((name) => [name, SAMPLE_PARAMS[name] ?? 'hostile-x1']));

const name = (route: RouteDef) => `${route.method} ${route.path}`;
const actingForRoutes = routeList.filter((r) => r.actingFor);
const routesWithParams = routeList.filter((r) => pathParamNames(r.path).length > 0);

describe('X-Acting-For', () => {
  it('is accepted by the routes the issue counted', () => {
    expect(actingForRoutes.length).toBeGreaterThanOrEqual(19);
  });

  it.each(actingForRoutes.map((r) => [name(r), r] as const))(
    'refuses an over-long or malformed member id on %s with 400 ACTING_FOR_INVALID',
    async (_name, route) => {
      for (const value of ['m'.repeat(3000), '../m-1', 'm 1']) {
        const res = await api.call<any>(route.method, fillPath(route.path, sampleParams(route)), {
          token: adminToken,
          headers: { 'x-acting-for': value, 'idempotency-key': 'hostile-key-0001' },
          ...(route.method === 'GET' ? {} : { body: {} }),
        });
        expect({ value: value.slice(0, 10), status: res.status, code: res.body?.error?.code }).toEqual({
          value: value.slice(0, 10),
          status: 400,
          code: 'ACTING_FOR_INVALID',
        });
      }
    },
  );
});

describe('percent-encoding in paths', () => {
  it('answers 400 PATH_ENCODING_INVALID to GET /members/%E0%A4%A on the local server', async () => {
    const res = await api.call<any>('GET', '/members/%E0%A4%A', { token: adminToken });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PATH_ENCODING_INVALID');
  });

  it.each(routesWithParams.map((r) => [name(r), r] as const))(
    'answers 400 on %s for a broken encoding in each path parameter',
    async (_name, route) => {
      for (const param of pathParamNames(route.path)) {
        const path = fillPath(route.path, { ...sampleParams(route), [param]: 'PLACEHOLDER' }).replace(
          'PLACEHOLDER',
          '%E0%A4%A',
        );
        const res = await api.call<any>(route.method, path, {
          token: adminToken,
          ...(route.method === 'GET' ? {} : { body: {} }),
        });
        expect({ param, status: res.status }).toEqual({ param, status: 400 });
      }
    },
  );

  // API Gateway may hand the Lambda a parameter it could not decode as it came, or a very long one.
  it.each(routesWithParams.map((r) => [name(r), r] as const))(
    'lets the Lambda handler of %s answer 400 to raw, broken or over-long parameters',
    async (_name, route) => {
      const handler = domains.find((d) => d.domain === route.domain)!.handler;
      for (const param of pathParamNames(route.path)) {
        for (const bad of ['%E0%A4%A', 'x'.repeat(3000), 'a/b', '']) {
          const result = await handler(
            {
              version: '2.0',
              routeKey: routeKeyOf(route),
              rawPath: '/hostile',
              rawQueryString: '',
              headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
              pathParameters: { ...sampleParams(route), [param]: bad },
              requestContext: {
                accountId: 'test',
                apiId: 'test',
                domainName: 'test',
                domainPrefix: 'test',
                http: {
                  method: route.method,
                  path: '/hostile',
                  protocol: 'HTTP/1.1',
                  sourceIp: '127.0.0.1',
                  userAgent: 'jest',
                },
                requestId: `hostile-${param}`,
                routeKey: routeKeyOf(route),
                stage: '$default',
                time: new Date().toUTCString(),
                timeEpoch: Date.now(),
              },
              body: route.method === 'GET' ? undefined : '{}',
              isBase64Encoded: false,
            },
            lambdaContext(),
          );
          expect({ param, bad: bad.slice(0, 10), status: result.statusCode }).toEqual({
            param,
            bad: bad.slice(0, 10),
            status: 400,
          });
        }
      }
    },
  );
});
