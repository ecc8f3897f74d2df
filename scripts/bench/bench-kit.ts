/**
 * What the contention benches share: calling the local API as someone, and a crowd of verified
 * residents of 1号楼 written straight to the table with their access tokens.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { householdKey } from '../../shared/src/domain/identity/person';
import { memberItem } from '../../functions/src/identity/items';

export const BENCH_COMMUNITY = 'anjuyuan';

/** The p-th percentile of an ascending list. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** A caller of the local API: every request with a token and a fresh Idempotency-Key. */
export function apiCaller(apiUrl: string) {
  return async <T = Record<string, unknown>>(method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomBytes(12).toString('hex'),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
}

/** Access token of the demo community's staff member. */
export async function staffToken(): Promise<string> {
  // Loaded here: the handlers' modules read the stack's environment when first imported.
  const { signAccessToken } = await import('../../functions/src/platform/auth');
  return signAccessToken({
    userId: 'u-staff',
    name: '刘晶',
    grants: [{ role: 'staff', communityId: BENCH_COMMUNITY }],
  });
}

/** `count` fresh verified residents of 1号楼1单元 born on `birthDate`; answers their access tokens. */
export async function residentTokens(
  client: DynamoDBClient,
  tableName: string,
  count: number,
  options: { idPrefix: string; birthDate: string },
): Promise<string[]> {
  const { signAccessToken } = await import('../../functions/src/platform/auth');
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const communityId = BENCH_COMMUNITY;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const memberId = `${options.idPrefix}-${i}-${randomBytes(3).toString('hex')}`;
      const address = {
        communityId,
        communityName: '安居苑社区',
        buildingId: 'b1',
        buildingName: '1号楼',
        unitId: 'u1',
        unitName: '1单元',
        room: String(100 + i),
      };
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: memberItem({
            memberId,
            ...address,
            householdKey: householdKey(address),
            realName: `压测居民${i}`,
            birthDate: options.birthDate,
            userId: memberId,
            status: 'verified',
            registeredBy: 'bench',
            createdAt: new Date().toISOString(),
          }),
        }),
      );
      return signAccessToken({
        userId: memberId,
        name: `压测居民${i}`,
        grants: [{ role: 'resident', communityId, buildingId: 'b1', memberId }],
      });
    }),
  );
}
