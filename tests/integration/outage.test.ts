/**
 * When DynamoDB cannot be reached, every route answers 503 SERVICE_UNAVAILABLE with
 * Retry-After, so a client can tell "try again later" from a bug (500 INTERNAL).
 */
import { freePort } from '../../scripts/lib/dynamodb-local';
import type { TestApi } from '../helpers/api';

let api: TestApi;
let token: string;
const originalEndpoint = process.env.DYNAMODB_ENDPOINT;

beforeAll(async () => {
  // Nothing listens on this port: the functions' client is refused at every attempt.
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
  const { TestApi: Api } = await import('../helpers/api');
  const { tokenFor } = await import('../helpers/tokens');
  api = await new Api().start();
  token = await tokenFor({
    userId: 'outage-u1',
    name: '王桂芳',
    grants: [{ role: 'resident', communityId: 'outage-c', buildingId: 'b1', memberId: 'outage-m1' }],
  });
});

afterAll(async () => {
  await api?.stop();
  process.env.DYNAMODB_ENDPOINT = originalEndpoint;
});

it.each([
  ['a read', 'GET', '/me/bookings', {}],
  [
    'an idempotent write',
    'POST',
    '/community/outage-c/sessions/s-1/bookings',
    { 'idempotency-key': 'outage-key-0001' },
  ],
  ['a public read', 'GET', '/community/outage-c', {}],
])('answers %s with 503, Retry-After and SERVICE_UNAVAILABLE', async (_what, method, path, headers) => {
  const res = await api.call<any>(method, path, { token, headers });
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('2');
  expect(res.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: '系统正忙，请稍等片刻再试' });
});
