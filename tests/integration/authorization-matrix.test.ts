/**
 * Every route of the route table, called as: nobody, a forged token, an expired token, each
 * role, and staff of another community. Each refusal must be the expected 401/403 and leave the
 * table exactly as it was; each allowed role must get past the gate.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ROLES, fillPath, pathParamNames, routeList, type Principal, type Role, type RouteDef } from '@linli/shared';
import { ensureTable, localClient } from '../../scripts/lib/table-setup';
import type { TestApi } from '../helpers/api';
import type * as TokenHelpers from '../helpers/tokens';

const originalTable = process.env.TABLE_NAME;
const matrixTable = `linli-matrix-${randomBytes(4).toString('hex')}`;
const communityId = 'matrix-c';
const otherCommunityId = 'matrix-other';
const streetId = 'matrix-s';
const otherStreetId = 'matrix-other-s';

let api: TestApi;
let client: DynamoDBClient;
let tokens: typeof TokenHelpers;
type Caller = Role | 'none-role' | 'other-staff' | 'other-street';
const tokenByRole = new Map<Caller, string>();

function principal(role: Caller): Principal {
  const userId = `matrix-${role}`;
  if (role === 'none-role') return { userId, name: '新用户', grants: [] };
  if (role === 'other-staff')
    return { userId, name: '外社区', grants: [{ role: 'staff', communityId: otherCommunityId }] };
  if (role === 'admin') return { userId, name: '管理员', grants: [{ role: 'admin' }] };
  if (role === 'street') return { userId, name: '街道', grants: [{ role: 'street', streetId }] };
  if (role === 'other-street') return { userId, name: '外街道', grants: [{ role: 'street', streetId: otherStreetId }] };
  return {
    userId,
    name: role,
    grants: [
      {
        role,
        communityId,
        buildingId: 'b1',
        merchantId: role === 'merchant' ? 'mch' : undefined,
        gridId: role === 'grid' ? 'g1' : undefined,
      },
    ],
  };
}

async function snapshot(): Promise<string[]> {
  const { DynamoDBDocumentClient, ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const doc = DynamoDBDocumentClient.from(client);
  const out = await doc.send(new ScanCommand({ TableName: matrixTable, ConsistentRead: true }));
  return (out.Items ?? []).map((i) => JSON.stringify(i)).sort();
}

/** Well-formed values for path parameters that are not plain ids, so a call reaches the scope check. */
const SAMPLE_PARAMS: Record<string, string> = {
  date: '2030-01-01',
  meal: 'lunch',
  code: 'ABCDEFGH',
  streetId,
  // The grid the matrix's grid worker holds: a grid worker is let past the gate only into their own grid.
  gridId: 'g1',
};

function pathFor(route: RouteDef, community: string): string {
  const values: Record<string, string> = {};
  for (const name of pathParamNames(route.path)) {
    values[name] =
      name === 'communityId' || (name === 'id' && route.path.startsWith('/community/'))
        ? community
        : (SAMPLE_PARAMS[name] ?? 'x1');
  }
  return fillPath(route.path, values);
}

const call = (route: RouteDef, token?: string, community = communityId) =>
  api.call<any>(route.method, pathFor(route, community), {
    token,
    // Bodies are empty on purpose: a caller that passes the gate meets validation, so nothing is written.
    ...(route.method === 'GET' ? {} : { body: {} }),
  });

/** Calls and checks that the table holds exactly what it held before. */
async function refusedWithoutWrites(route: RouteDef, token?: string) {
  const before = await snapshot();
  const res = await call(route, token);
  expect(await snapshot()).toEqual(before);
  return res;
}

beforeAll(async () => {
  process.env.TABLE_NAME = matrixTable;
  client = localClient(process.env.DYNAMODB_ENDPOINT!);
  await ensureTable(client, matrixTable);
  tokens = await import('../helpers/tokens');
  const { TestApi: Api } = await import('../helpers/api');
  const { PutCommand, DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
  const { key } = await import('../../functions/src/table');
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  for (const role of [...ROLES, 'none-role', 'other-staff', 'other-street'] as const) {
    const p = principal(role);
    await doc.send(
      new PutCommand({
        TableName: matrixTable,
        Item: { ...key.user(p.userId), ...p, tokenVersion: 1, createdAt: '2026-01-01T00:00:00.000Z' },
      }),
    );
    tokenByRole.set(role, await tokens.tokenFor(p));
  }
  api = await new Api().start();
});

afterAll(async () => {
  await api?.stop();
  process.env.TABLE_NAME = originalTable;
});

const protectedRoutes = routeList.filter((r) => r.roles !== 'public');
const publicRoutes = routeList.filter((r) => r.roles === 'public');

describe.each(protectedRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
  it('answers 401 without a token', async () => {
    const res = await refusedWithoutWrites(route);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to a forged token', async () => {
    const res = await refusedWithoutWrites(route, await tokens.forgedTokenFor(principal('staff')));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_INVALID');
  });

  it('answers 401 to an expired token', async () => {
    const res = await refusedWithoutWrites(route, await tokens.expiredTokenFor(principal('staff')));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
  });

  const roles = route.roles as 'authenticated' | readonly Role[];
  const refused = roles === 'authenticated' ? [] : ROLES.filter((r) => r !== 'admin' && !roles.includes(r));
  const allowed = roles === 'authenticated' ? [...ROLES, 'none-role' as const] : [...roles, 'admin' as const];

  if (refused.length > 0) {
    it.each(refused)('answers 403 to the %s role', async (role) => {
      const res = await refusedWithoutWrites(route, tokenByRole.get(role));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });
  }

  it.each(allowed)('lets the %s role past the gate', async (role) => {
    const res = await call(route, tokenByRole.get(role));
    expect([401, 403]).not.toContain(res.status);
  });

  // Staff of another community are out of scope where staff may call at all; elsewhere their role is refused.
  if (route.scope === 'community' && roles !== 'authenticated' && roles.includes('staff')) {
    it('answers 403 to staff of another community', async () => {
      const res = await refusedWithoutWrites(route, tokenByRole.get('other-staff'));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    });
  }
});

describe.each(
  protectedRoutes
    .filter((r) => r.scope === 'street' && (r.roles as readonly string[]).includes('street'))
    .map((r) => [`${r.method} ${r.path}`, r] as const),
)('street-scoped %s', (_name, route) => {
  it('answers 403 to the operator of another street', async () => {
    const res = await refusedWithoutWrites(route, tokenByRole.get('other-street'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('OUT_OF_STREET');
  });
});

describe.each(publicRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('public %s', (_name, route) => {
  it('answers without a token', async () => {
    const res = await call(route);
    expect([401, 403]).not.toContain(res.status);
  });
});
