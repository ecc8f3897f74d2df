/**
 * The shared pipeline every route runs through, exercised with a route that writes to
 * DynamoDB Local, so "nothing was written" can be checked after each refusal.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { DomainError, MAX_BODY_BYTES, defineRoute, type Principal } from '@linli/shared';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { routeHandler } from '../../functions/src/platform/http';
import { apiEvent, lambdaContext } from '../helpers/events';
import { freshId } from '../helpers/ids';
import { expiredTokenFor, forgedTokenFor, tokenFor } from '../helpers/tokens';

const noteRoute = defineRoute({
  id: 'testWriteNote',
  method: 'POST',
  path: '/communities/:communityId/notes/:noteId',
  summary: 'test route that writes one item',
  domain: 'community',
  roles: ['staff'],
  scope: 'community',
  idempotent: true,
  successStatus: 201,
  schemas: () => ({
    params: z.strictObject({ communityId: z.string(), noteId: z.string() }),
    body: z.strictObject({
      text: z.string().check(z.minLength(1), z.maxLength(20)),
      count: z.int().check(z.positive()),
    }),
    response: z.object({ noteId: z.string(), text: z.string(), writtenAt: z.string() }),
  }),
});

let executions = 0;
const handler = routeHandler(noteRoute, async ({ params, body }) => {
  executions += 1;
  if (body.text === 'boom') throw new Error('secret internal detail: table xyz exploded');
  if (body.text === 'refuse') throw new DomainError('COMMUNITY_NOT_FOUND');
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: { pk: `NOTE#${params.noteId}`, sk: 'NOTE', text: body.text, internal: 'never leaves' },
    }),
  );
  return { noteId: params.noteId, text: body.text, writtenAt: new Date().toISOString(), internal: 'x' } as never;
});

function staff(communityId: string): Principal {
  return { userId: freshId('staff'), name: '刘晶', grants: [{ role: 'staff', communityId }] };
}

async function post(
  communityId: string,
  noteId: string,
  init: { body?: string; token?: string; headers?: Record<string, string> },
) {
  const event = apiEvent({
    method: 'POST',
    routePath: '/communities/{communityId}/notes/{noteId}',
    path: `/communities/${communityId}/notes/${noteId}`,
    pathParameters: { communityId, noteId },
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body,
  });
  const res = await handler(event, lambdaContext());
  return { status: res.statusCode, body: JSON.parse(res.body ?? 'null') as Record<string, any> };
}

async function noteExists(noteId: string): Promise<boolean> {
  const out = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: { pk: `NOTE#${noteId}`, sk: 'NOTE' } }),
  );
  return out.Item !== undefined;
}

const goodBody = JSON.stringify({ text: '楼道灯坏了', count: 1 });

describe('the shared request pipeline', () => {
  const community = freshId('c');
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(staff(community));
  });

  it('runs a valid request once and answers with only what the contract promises', async () => {
    const noteId = freshId('n');
    const res = await post(community, noteId, {
      body: goodBody,
      token,
      headers: { 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ noteId, text: '楼道灯坏了', writtenAt: expect.any(String) });
    expect(await noteExists(noteId)).toBe(true);
  });

  it('refuses malformed JSON with 400 MALFORMED_JSON and writes nothing', async () => {
    const noteId = freshId('n');
    const res = await post(community, noteId, {
      body: '{"text": "a",',
      token,
      headers: { 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    expect(res.body.error.message).toBe('请求内容不是有效的 JSON');
    expect(await noteExists(noteId)).toBe(false);
  });

  it('refuses wrong types with 400 and the field paths', async () => {
    const noteId = freshId('n');
    const res = await post(community, noteId, {
      body: JSON.stringify({ text: 42, count: 'three', extra: true }),
      token,
      headers: { 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.text', 'body.count']));
    expect(await noteExists(noteId)).toBe(false);
  });

  it('refuses a body over 64 KB with 413 and writes nothing', async () => {
    const noteId = freshId('n');
    const big = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES), count: 1 });
    const res = await post(community, noteId, { body: big, token, headers: { 'idempotency-key': freshId('key') } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await noteExists(noteId)).toBe(false);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const noteId = freshId('n');
    const res = await post(community, noteId, {
      body: 'text=hello',
      token,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(415);
    expect(await noteExists(noteId)).toBe(false);
  });

  it.each([
    ['no token', async () => undefined, 'UNAUTHENTICATED'],
    ['a forged token', async () => forgedTokenFor(staff(community)), 'TOKEN_INVALID'],
    ['an expired token', async () => expiredTokenFor(staff(community)), 'TOKEN_EXPIRED'],
    ['a garbage token', async () => 'not.a.jwt', 'TOKEN_INVALID'],
  ])('answers 401 to %s and writes nothing', async (_label, makeToken, code) => {
    const noteId = freshId('n');
    const res = await post(community, noteId, {
      body: goodBody,
      token: await makeToken(),
      headers: { 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe(code);
    expect(await noteExists(noteId)).toBe(false);
  });

  it('answers 403 FORBIDDEN to a role the route does not allow', async () => {
    const noteId = freshId('n');
    const resident = await tokenFor({
      userId: freshId('r'),
      name: '王桂芳',
      grants: [{ role: 'resident', communityId: community, buildingId: 'b1' }],
    });
    const res = await post(community, noteId, {
      body: goodBody,
      token: resident,
      headers: { 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await noteExists(noteId)).toBe(false);
  });

  it('answers 403 OUT_OF_SCOPE to staff of another community', async () => {
    const noteId = freshId('n');
    const other = await tokenFor(staff(freshId('other')));
    const res = await post(community, noteId, {
      body: goodBody,
      token: other,
      headers: { 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    expect(await noteExists(noteId)).toBe(false);
  });

  it('maps a domain error to its status and Chinese message', async () => {
    const res = await post(community, freshId('n'), {
      body: JSON.stringify({ text: 'refuse', count: 1 }),
      token,
      headers: { 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'COMMUNITY_NOT_FOUND', message: '找不到该社区' } });
  });

  it('answers an unexpected failure with 500 and no internals', async () => {
    const res = await post(community, freshId('n'), {
      body: JSON.stringify({ text: 'boom', count: 1 }),
      token,
      headers: { 'idempotency-key': freshId('key') },
    });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } });
    expect(JSON.stringify(res.body)).not.toContain('xyz');
  });

  describe('idempotency', () => {
    it('requires an Idempotency-Key on an idempotent route', async () => {
      const noteId = freshId('n');
      const res = await post(community, noteId, { body: goodBody, token });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
      expect(await noteExists(noteId)).toBe(false);
    });

    it('replays the first answer to a retry with the same key and runs the work once', async () => {
      const noteId = freshId('n');
      const headers = { 'idempotency-key': freshId('key') };
      const before = executions;
      const first = await post(community, noteId, { body: goodBody, token, headers });
      const second = await post(community, noteId, { body: goodBody, token, headers });
      expect(first.status).toBe(201);
      expect(second).toEqual(first);
      expect(executions - before).toBe(1);
    });

    it('refuses the same key with a different body with 409 IDEMPOTENCY_KEY_REUSED', async () => {
      const noteId = freshId('n');
      const headers = { 'idempotency-key': freshId('key') };
      await post(community, noteId, { body: goodBody, token, headers });
      const res = await post(community, noteId, {
        body: JSON.stringify({ text: '不同内容', count: 2 }),
        token,
        headers,
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('lets a failed request be retried with the same key', async () => {
      const headers = { 'idempotency-key': freshId('key') };
      const noteId = freshId('n');
      const failed = await post(community, noteId, {
        body: JSON.stringify({ text: 'refuse', count: 1 }),
        token,
        headers,
      });
      expect(failed.status).toBe(404);
      const again = await post(community, noteId, {
        body: JSON.stringify({ text: 'refuse', count: 1 }),
        token,
        headers,
      });
      expect(again.status).toBe(404);
    });

    it('runs the work once when ten copies of a request arrive at the same time', async () => {
      const noteId = freshId('n');
      const headers = { 'idempotency-key': freshId('key') };
      const before = executions;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => post(community, noteId, { body: goodBody, token, headers })),
      );
      expect(executions - before).toBe(1);
      for (const a of answers) expect([201, 409]).toContain(a.status);
      expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
      expect(
        answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'IDEMPOTENCY_IN_PROGRESS'),
      ).toBe(true);
    });
  });
});
