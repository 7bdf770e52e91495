import { setTimeout as delay } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { decodeBody } from './body-decoding.js';
import type { RawSource } from './raw-source.js';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry-policy.js';
import { SourceUnavailable } from './source-unavailable.error.js';
import { BodyTooLarge, describeTransportFailure, type TransportFailure } from './transport-failure.js';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpRawSourceOptions<Q> {
  readonly name: string;
  /** Builds the request for one call. */
  readonly request: (query: Q) => HttpRequest;
  /** Whole-request limit (connect, headers and body) for one attempt. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Larger bodies are refused rather than held in memory. */
  readonly maxBytes?: number;
  /** Tests pass an undici MockAgent; production uses undici's global dispatcher (TLS verification on). */
  readonly dispatcher?: Dispatcher;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The transport knobs of an HTTP source, for factories that fix the name and the request themselves. */
export type HttpTransportOptions = Omit<HttpRawSourceOptions<never>, 'name' | 'request'>;

export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const ERROR_SNIPPET_CHARS = 200;

type Attempt = { readonly kind: 'body'; readonly body: string } | TransportFailure;

/** Reads one outside source over HTTPS with a timeout and a bounded number of jittered retries. */
export class HttpRawSource<Q = void> implements RawSource<Q> {
  readonly name: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly maxBytes: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: HttpRawSourceOptions<Q>) {
    this.name = options.name;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
  }

  async fetchRaw(query: Q): Promise<string> {
    const outgoing = this.options.request(query);
    const maxAttempts = Math.max(1, Math.floor(this.retry.maxAttempts));
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(outgoing);
      if (outcome.kind === 'body') return outcome.body;
      if (!outcome.retryable || attempt >= maxAttempts) {
        throw new SourceUnavailable(this.name, `${outcome.reason} from ${outgoing.url}`, outcome.status, attempt);
      }
      await this.sleep(retryDelayMs(this.retry, attempt, this.random));
    }
  }

  private async attempt(outgoing: HttpRequest): Promise<Attempt> {
    try {
      const response = await request(outgoing.url, {
        method: outgoing.method,
        headers: { ...outgoing.headers },
        body: outgoing.body ?? null,
        dispatcher: this.options.dispatcher,
        signal: AbortSignal.timeout(this.timeoutMs),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      const bytes = await readAtMost(response.body, this.maxBytes);
      const text = decodeBody(bytes, headerValue(response.headers['content-type']));
      if (response.statusCode >= 200 && response.statusCode < 300) return { kind: 'body', body: text };
      return {
        kind: 'failed',
        reason: `HTTP ${response.statusCode}${snippet(text)}`,
        status: response.statusCode,
        retryable: isRetryableStatus(response.statusCode),
      };
    } catch (error) {
      return describeTransportFailure(error, this.timeoutMs);
    }
  }
}

async function readAtMost(
  body: AsyncIterable<Uint8Array> & { destroy(): unknown },
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      body.destroy();
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  return `: ${flat.length > ERROR_SNIPPET_CHARS ? `${flat.slice(0, ERROR_SNIPPET_CHARS)}…` : flat}`;
}
