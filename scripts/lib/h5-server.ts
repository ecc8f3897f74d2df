/**
 * Serves the H5 build (miniapp/dist/h5) and proxies /api/* to the API, so the app calls its
 * own origin as it will behind a CDN. node:http only; good for dev and the browser tests.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface H5ServerOptions {
  /** Folder with index.html and the static assets. */
  distDir: string;
  /** Origin of the API, e.g. http://127.0.0.1:3001; /api/x is forwarded to `${apiUrl}/x`. */
  apiUrl: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

export interface H5Server {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

// Hop-by-hop headers (RFC 9110 §7.6.1) stay with their own connection.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function forwardableHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

function proxy(req: IncomingMessage, res: ServerResponse, apiUrl: URL, pathAndQuery: string): void {
  const basePath = apiUrl.pathname.replace(/\/$/, '');
  const upstream = http.request(
    {
      protocol: apiUrl.protocol,
      hostname: apiUrl.hostname,
      port: apiUrl.port,
      method: req.method,
      path: basePath + pathAndQuery,
      headers: { ...forwardableHeaders(req.headers), host: apiUrl.host },
    },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, forwardableHeaders(upstreamRes.headers));
      upstreamRes.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: '系统正忙，请稍等片刻再试' } }));
    } else {
      res.destroy();
    }
  });
  req.pipe(upstream);
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string, pathname: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const candidate = path.resolve(distDir, `.${path.posix.normalize(decoded)}`);
  // Anything outside distDir, missing, or a folder falls back to the app shell (hash router).
  let file = path.join(distDir, 'index.html');
  if (candidate.startsWith(distDir + path.sep)) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) file = candidate;
  }
  const info = await stat(file);
  const isShell = file.endsWith(`${path.sep}index.html`);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    // Hashed assets may be cached; the shell must be fetched anew to pick up a new build.
    'cache-control': isShell ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/** Starts the static server with the /api proxy; resolves once it listens. */
export async function startH5Server(opts: H5ServerOptions): Promise<H5Server> {
  const distDir = path.resolve(opts.distDir);
  const apiUrl = new URL(opts.apiUrl);
  const host = opts.host ?? '127.0.0.1';

  const server = http.createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    if (rawUrl === '/api' || rawUrl.startsWith('/api/') || rawUrl.startsWith('/api?')) {
      const rest = rawUrl.slice('/api'.length);
      proxy(req, res, apiUrl, rest.startsWith('/') ? rest : `/${rest}`);
      return;
    }
    const pathname = rawUrl.split('?')[0] ?? '/';
    serveStatic(req, res, distDir, pathname).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
