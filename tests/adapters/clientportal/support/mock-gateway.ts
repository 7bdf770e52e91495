import { MockAgent, type Interceptable } from 'undici';

export const GATEWAY_ORIGIN = 'https://127.0.0.1:5000';
const API_ROOT = '/v1/api';

type Method = 'GET' | 'POST' | 'DELETE';

export interface RecordedCall {
  readonly method: string;
  /** Path below /v1/api, query string included. */
  readonly path: string;
  readonly body: unknown;
}

/**
 * A scripted Client Portal gateway on undici's MockAgent: each `reply` answers one matching request (or
 * `times` of them), in the order they were scripted, and every request is recorded.
 */
export class MockGateway {
  readonly agent = new MockAgent({ enableCallHistory: true });
  private readonly pool: Interceptable;

  constructor() {
    this.agent.disableNetConnect();
    this.pool = this.agent.get(GATEWAY_ORIGIN);
  }

  reply(method: Method, path: string, status: number, body?: unknown, times = 1): this {
    const scope = this.pool
      .intercept({ method, path: `${API_ROOT}${path}` })
      .reply(status, body === undefined ? '' : JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    scope.times(times);
    return this;
  }

  ok(method: Method, path: string, body: unknown, times = 1): this {
    return this.reply(method, path, 200, body, times);
  }

  /** Answers with a body sent as-is, not as JSON. */
  replyText(method: Method, path: string, status: number, text: string): this {
    this.pool.intercept({ method, path: `${API_ROOT}${path}` }).reply(status, text);
    return this;
  }

  fail(method: Method, path: string, error: Error): this {
    this.pool.intercept({ method, path: `${API_ROOT}${path}` }).replyWithError(error);
    return this;
  }

  calls(): RecordedCall[] {
    const history = this.agent.getCallHistory();
    if (history === undefined) return [];
    return history.calls().map((call) => ({
      method: call.method,
      path: `${call.path.slice(API_ROOT.length)}${searchOf(call.searchParams)}`,
      body: typeof call.body === 'string' && call.body !== '' ? (JSON.parse(call.body) as unknown) : undefined,
    }));
  }

  /** `METHOD /path` of every request, query strings left out, in order. */
  requestLines(): string[] {
    return this.calls().map((call) => `${call.method} ${call.path.split('?')[0] ?? ''}`);
  }

  countOf(method: Method, pathPrefix: string): number {
    return this.calls().filter((call) => call.method === method && call.path.startsWith(pathPrefix)).length;
  }

  assertAllUsed(): void {
    this.agent.assertNoPendingInterceptors();
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

function searchOf(params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return query === '' ? '' : `?${decodeURIComponent(query)}`;
}
