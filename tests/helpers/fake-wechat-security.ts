/** A stand-in for api.weixin.qq.com's content security on 127.0.0.1: stable_token, msg_sec_check, media_check_async. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecurityAnswer {
  status?: number;
  body: unknown;
  /** Answer only after this long (a timeout test). */
  delayMs?: number;
}

export interface SeenCall {
  pathname: string;
  query: Record<string, string>;
  body: Record<string, any>;
}

export interface FakeWechatSecurity {
  baseUrl: string;
  tokenCalls: SeenCall[];
  textCalls: SeenCall[];
  mediaCalls: SeenCall[];
  /** Answers for the next msg_sec_check calls, one per call; afterwards a pass. */
  textAnswers: SecurityAnswer[];
  /** Answers for the next media_check_async calls; afterwards a fresh trace id. */
  mediaAnswers: SecurityAnswer[];
  close(): Promise<void>;
}

/** msgSecCheck's answer for a suggestion, shaped as WeChat documents it. */
export const verdict = (
  suggest: 'pass' | 'risky' | 'review',
  label = suggest === 'pass' ? 100 : 20001,
): SecurityAnswer => ({
  body: {
    errcode: 0,
    errmsg: 'ok',
    trace_id: `trace-${suggest}`,
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
  },
});

export function fakeWechatSecurity(): Promise<FakeWechatSecurity> {
  const fake = { tokenCalls: [], textCalls: [], mediaCalls: [], textAnswers: [], mediaAnswers: [] } as Omit<
    FakeWechatSecurity,
    'baseUrl' | 'close'
  >;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const seen: SeenCall = {
        pathname: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
      let answer: SecurityAnswer;
      if (seen.pathname === '/cgi-bin/stable_token') {
        fake.tokenCalls.push(seen);
        answer = { body: { access_token: `token-${fake.tokenCalls.length}`, expires_in: 7200 } };
      } else if (seen.pathname === '/wxa/msg_sec_check') {
        fake.textCalls.push(seen);
        answer = fake.textAnswers.shift() ?? verdict('pass');
      } else if (seen.pathname === '/wxa/media_check_async') {
        fake.mediaCalls.push(seen);
        answer = fake.mediaAnswers.shift() ?? {
          body: { errcode: 0, errmsg: 'ok', trace_id: `media-trace-${fake.mediaCalls.length}` },
        };
      } else {
        answer = { status: 404, body: { errcode: 404 } };
      }
      const reply = () =>
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        ...fake,
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
