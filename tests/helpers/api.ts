import { startLocalApi, type LocalApi } from '../../functions/src/local/server';
import { withCompletionLost } from './lost-completion';
import { noteAnswer } from './route-coverage';

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
  /**
   * The test reads what only a first answer can say (a waitlist place counted after commit; a
   * replay says 候补 without a number): this call's completion is not lost.
   */
  firstAnswer?: boolean;
}

export interface TestApiOptions {
  /** The invocation time each handler gets (default API Gateway's 29 s). */
  lambdaTimeoutMs?: number;
  /**
   * Every idempotent write first loses its idempotency completion (the database fails right after
   * the effect, see lost-completion.ts) and is retried with the same key; the test sees the
   * retry's answer. On by default, so every integration test that succeeds at a write also proves
   * a retry after that crash is told the same success. Off for files that look at what only a
   * first answer can say, or that inject their own faults.
   */
  loseCompletions?: boolean;
}

/** The local API (same handlers as Lambda) on a free port, for one test file. */
export class TestApi {
  private api: LocalApi | undefined;
  private loseCompletions = true;

  async start(options: TestApiOptions = {}): Promise<this> {
    this.api = await startLocalApi(0, '127.0.0.1', { lambdaTimeoutMs: options.lambdaTimeoutMs });
    // LINLI_LOSE_COMPLETIONS=0 turns it off for a run, to tell a replay defect from another.
    this.loseCompletions = options.loseCompletions ?? process.env.LINLI_LOSE_COMPLETIONS !== '0';
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
    const idempotencyKey = options.headers?.['idempotency-key'] ?? options.headers?.['Idempotency-Key'];
    if (!this.loseCompletions || options.firstAnswer || method === 'GET' || !idempotencyKey)
      return this.send<T>(method, path, options);
    const { answer, struck } = await withCompletionLost(idempotencyKey, () => this.send<T>(method, path, options));
    if (!struck) return answer;
    if (answer.status !== 503) {
      throw new Error(`${method} ${path}: a lost completion must answer 503, got ${answer.status}`);
    }
    return this.send<T>(method, path, options);
  }

  private async send<T>(method: string, path: string, options: CallOptions): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${this.url}${path}`, { method, headers, body });
    const text = await res.text();
    noteAnswer(method, path, res.status);
    // A text/plain answer (WeChat's push-URL check) is handed back as the string it is.
    const isJson = /json/.test(res.headers.get('content-type') ?? 'application/json');
    const parsed: unknown = text ? (isJson ? JSON.parse(text) : text) : undefined;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
}

/** The local API for the test file that calls this: started before its tests and stopped after them. */
export function apiForThisFile(options?: TestApiOptions): TestApi {
  const api = new TestApi();
  beforeAll(() => api.start(options));
  afterAll(() => api.stop());
  return api;
}
