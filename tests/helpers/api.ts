import { startLocalApi, type LocalApi } from '../../functions/src/local/server';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as-is (for malformed JSON); overrides body. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** The local API (same handlers as Lambda) on a free port, for one test file. */
export class TestApi {
  private api: LocalApi | undefined;

  /** `lambdaTimeoutMs`: the invocation time each handler gets (default API Gateway's 29 s). */
  async start(options: { lambdaTimeoutMs?: number } = {}): Promise<this> {
    this.api = await startLocalApi(0, '127.0.0.1', options);
    return this;
  }

  async stop(): Promise<void> {
    await this.api?.close();
  }

  get url(): string {
    if (!this.api) throw new Error('TestApi not started');
    return this.api.url;
  }

  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${this.url}${path}`, { method, headers, body });
    const text = await res.text();
    // A text/plain answer (WeChat's push-URL check) is handed back as the string it is.
    const isJson = /json/.test(res.headers.get('content-type') ?? 'application/json');
    const parsed: unknown = text ? (isJson ? JSON.parse(text) : text) : undefined;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
}
