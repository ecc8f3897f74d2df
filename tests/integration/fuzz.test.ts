/**
 * Every operation of the route table, called as a hostile client would: bodies field by field
 * with wrong types, over-long and missing values, malformed JSON, broken path parameters and
 * headers, and no, garbage or forged tokens. No answer may be a 5xx, and each answer's status
 * and code must be ones the OpenAPI document lists for that operation.
 */
import { toJSONSchema } from 'zod/v4/core';
import { fillPath, pathParamNames, routeList, type RouteDef } from '@linli/shared';
import { buildOpenApi } from '../../scripts/lib/openapi';
import { TestApi, type CallOptions } from '../helpers/api';
import { forgedTokenFor, tokenFor } from '../helpers/tokens';

const api = new TestApi();
let adminToken: string;
let forgedToken: string;
beforeAll(async () => {
  await api.start();
  const admin = { userId: 'fuzz-admin', name: '管理员', grants: [{ role: 'admin' as const }] };
  adminToken = await tokenFor(admin);
  forgedToken = await forgedTokenFor(admin);
});
afterAll(() => api.stop());

type Operation = { responses: Record<string, unknown>; 'x-linli-error-codes': string[] };
const doc = buildOpenApi() as { paths: Record<string, Record<string, Operation>> };
const operationOf = (route: RouteDef) =>
  doc.paths[route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]![route.method.toLowerCase()]!;

const SAMPLE_PARAMS: Record<string, string> = { date: '2030-01-01', meal: 'lunch' };
const pathWith = (route: RouteDef, override: Record<string, string> = {}) =>
  fillPath(route.path, {
    ...Object.fromEntries(pathParamNames(route.path).map((n) => [n, SAMPLE_PARAMS[n] ?? 'fuzz-x1'])),
    ...override,
  });

/** Wrong values for a field: another type, far too long, an object where a scalar belongs. */
const WRONG_VALUES: unknown[] = [12345, 'x'.repeat(5000), { nested: [] }, null];

function bodyFields(route: RouteDef): string[] {
  const schema = toJSONSchema(route.schemas().body, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(schema.properties ?? {});
}

/** The hostile calls for one route, bounded so the whole table runs in well under a minute. */
function hostileCalls(route: RouteDef): { what: string; path: string; options: CallOptions }[] {
  const headers = { 'idempotency-key': 'fuzz-key-000001' };
  const asAdmin = { token: undefined as string | undefined, headers };
  const calls: { what: string; path: string; options: CallOptions }[] = [
    { what: 'no token', path: pathWith(route), options: { headers } },
    {
      what: 'garbage token',
      path: pathWith(route),
      options: { headers: { ...headers, authorization: 'Bearer x.y.z' } },
    },
    { what: 'forged token', path: pathWith(route), options: { headers, token: forgedToken } },
    { what: 'bad idempotency key', path: pathWith(route), options: { headers: { 'idempotency-key': '%%' } } },
    {
      what: 'over-long acting-for',
      path: pathWith(route),
      options: { headers: { ...headers, 'x-acting-for': 'm'.repeat(3000) } },
    },
  ];
  for (const name of pathParamNames(route.path)) {
    calls.push({ what: `over-long ${name}`, path: pathWith(route, { [name]: 'p'.repeat(3000) }), options: asAdmin });
  }
  if (route.method !== 'GET') {
    calls.push({ what: 'malformed JSON', path: pathWith(route), options: { ...asAdmin, rawBody: '{"a":' } });
    calls.push({ what: 'array body', path: pathWith(route), options: { ...asAdmin, body: [] } });
    calls.push({ what: 'empty body', path: pathWith(route), options: { ...asAdmin, body: {} } });
    for (const field of bodyFields(route)) {
      WRONG_VALUES.forEach((value, i) =>
        calls.push({
          what: `${field} wrong #${i}`,
          path: pathWith(route),
          options: { ...asAdmin, body: { [field]: value } },
        }),
      );
    }
  } else {
    calls.push({
      what: 'junk query',
      path: `${pathWith(route)}?limit=-1&cursor=${'c'.repeat(3000)}`,
      options: asAdmin,
    });
  }
  return calls;
}

describe.each(routeList.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
  it('answers every hostile call with a documented 4xx, never a 5xx', async () => {
    const operation = operationOf(route);
    const problems: string[] = [];
    for (const call of hostileCalls(route)) {
      const options = {
        ...call.options,
        token: call.options.token === undefined && !call.what.includes('token') ? adminToken : call.options.token,
      };
      const res = await api.call<any>(route.method, call.path, options);
      const code = res.body?.error?.code as string | undefined;
      if (res.status >= 500) problems.push(`${call.what}: ${res.status} ${code}`);
      if (!operation.responses[String(res.status)]) problems.push(`${call.what}: status ${res.status} undocumented`);
      if (code && !operation['x-linli-error-codes'].includes(code))
        problems.push(`${call.what}: code ${code} undocumented`);
    }
    expect(problems).toEqual([]);
  });
});
