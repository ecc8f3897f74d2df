/** The plumbing of a stand-in for api.weixin.qq.com on 127.0.0.1: each test's fake says only what it answers. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  pathname: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
}

/** A JSON reply; `delayMs` answers only after that long (a timeout test). */
export interface FakeReply {
  status?: number;
  body: unknown;
  delayMs?: number;
}

export interface FakeServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** The reply of a fake for a path it does not serve. */
export const NOT_SERVED: FakeReply = { status: 404, body: { errcode: 404 } };

/** Starts a JSON server on a free port of 127.0.0.1 that replies to each request with `answer(seen)`. */
export function startFakeWechat(answer: (seen: SeenRequest) => FakeReply): Promise<FakeServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const reply = answer({
        method: req.method ?? '',
        pathname: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      const send = () =>
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
