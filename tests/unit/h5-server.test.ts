import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startH5Server, type H5Server } from '../../scripts/lib/h5-server';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('H5 static server with the /api proxy', () => {
  let distDir: string;
  let api: http.Server;
  let seen: Seen[];
  let server: H5Server;

  beforeAll(async () => {
    distDir = mkdtempSync(path.join(tmpdir(), 'linli-h5-'));
    mkdirSync(path.join(distDir, 'js'));
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>邻里</title>');
    writeFileSync(path.join(distDir, 'js', 'app.1234.js'), 'console.log(1)');
    seen = [];
    api = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(req.url === '/missing' ? 404 : 201, { 'content-type': 'application/json', 'x-api': 'yes' });
        res.end(JSON.stringify({ echoed: body }));
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    server = await startH5Server({ distDir, apiUrl, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => api.close(resolve));
    rmSync(distDir, { recursive: true, force: true });
  });

  it('serves files with their content type', async () => {
    const res = await fetch(`${server.url}/js/app.1234.js`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers unknown paths and folders with index.html', async () => {
    for (const url of ['/', '/pages/home/index', '/js']) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>邻里</title>');
    }
  });

  it('never serves a file outside the dist folder', async () => {
    const res = await fetch(`${server.url}/..%2F..%2Fetc%2Fpasswd`);

    expect(await res.text()).toContain('<title>邻里</title>');
  });

  it('forwards /api calls without the prefix, with method, headers, body and status', async () => {
    const res = await fetch(`${server.url}/api/memberships?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'idempotency-key': 'k1' },
      body: JSON.stringify({ a: 1 }),
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('x-api')).toBe('yes');
    expect(await res.json()).toEqual({ echoed: '{"a":1}' });
    const call = seen.at(-1)!;
    expect(call).toMatchObject({ method: 'POST', url: '/memberships?x=1', body: '{"a":1}' });
    expect(call.headers).toMatchObject({ authorization: 'Bearer t', 'idempotency-key': 'k1' });
  });

  it('passes error statuses through', async () => {
    const res = await fetch(`${server.url}/api/missing`);

    expect(res.status).toBe(404);
  });
});
