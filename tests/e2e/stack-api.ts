/**
 * The local stack's API as the browser tests use it for setup that belongs to another screen
 * (a venue, a session, other people's bookings): sign in as a demo user and call routes.
 */
import { randomUUID } from 'node:crypto';

/** Base URL of the local API (the e2e globalSetup starts it). */
export function apiUrl(): string {
  const value = process.env.LINLI_E2E_API_URL;
  if (!value) throw new Error('LINLI_E2E_API_URL is not set: run the e2e project (its globalSetup starts the stack)');
  return value;
}

export interface DemoSession {
  userId: string;
  accessToken: string;
}

/** Signs in with a demo login code (`dev:staff`, `dev:resident`, …). */
export async function signInApi(code: string): Promise<DemoSession> {
  const res = await fetch(`${apiUrl()}/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (res.status !== 200) throw new Error(`login ${code}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as DemoSession;
}

/**
 * Calls a route as `who` and returns the answer's body; fails on any status but the one
 * expected. Every call carries a fresh Idempotency-Key (routes that need none ignore it).
 */
export async function callApi<T = any>(
  who: DemoSession,
  method: string,
  path: string,
  options: { body?: unknown; status?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${who.accessToken}`,
    'idempotency-key': randomUUID(),
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${apiUrl()}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  const expected = options.status ?? (method === 'POST' ? [200, 201] : [200]);
  const ok = Array.isArray(expected) ? expected.includes(res.status) : res.status === expected;
  if (!ok) throw new Error(`${method} ${path} as ${who.userId}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Polls `read` until it returns something, or fails after `timeout` ms naming `what`. */
export async function waitFor<T>(read: () => Promise<T | undefined>, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not there after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
