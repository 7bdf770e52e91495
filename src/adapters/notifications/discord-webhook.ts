import { Agent, request, type Dispatcher } from 'undici';
import type { DiscordWebhookMessage } from './discord-embed.js';
import { bucketPauseMs, rateLimitOf } from './discord-rate-limit.js';

/** What one POST to the webhook came to. */
export type WebhookOutcome =
  | { readonly kind: 'sent'; readonly status: number; readonly pauseMs: number }
  | { readonly kind: 'rate-limited'; readonly waitMs: number; readonly global: boolean }
  | { readonly kind: 'failed'; readonly reason: string; readonly status?: number; readonly retryable: boolean };

export interface DiscordWebhookOptions {
  /** Tests pass an undici MockAgent; by default the webhook has its own keep-alive Agent, closed by close(). */
  readonly dispatcher?: Dispatcher | undefined;
  /** Limit of one request, connecting and reading the answer included. */
  readonly timeoutMs: number;
}

const HIDDEN = '[webhook]';
/** Path segments this long are the webhook's id and token, worth hiding even when quoted alone. */
const MIN_SECRET_SEGMENT = 16;
const MAX_REASON_CHARS = 300;
const KEEP_ALIVE_MS = 30_000;

/**
 * One Discord webhook. Its URL is a credential: it stays in a private field, goes nowhere but into the
 * request, and is cut out of every failure reason this class hands back (undici errors may quote it).
 */
export class DiscordWebhook {
  readonly #url: string;
  readonly #secrets: readonly string[];
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(
    url: string,
    private readonly options: DiscordWebhookOptions,
  ) {
    this.#url = url;
    this.#secrets = secretsOf(url);
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        keepAliveTimeout: KEEP_ALIVE_MS,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        connect: { timeout: options.timeoutMs },
      });
  }

  async post(message: DiscordWebhookMessage, stop: AbortSignal): Promise<WebhookOutcome> {
    try {
      const response = await request(this.#url, {
        method: 'POST',
        dispatcher: this.dispatcher,
        headers: { 'content-type': 'application/json', 'user-agent': 'skim' },
        body: JSON.stringify(message),
        signal: AbortSignal.any([stop, AbortSignal.timeout(this.options.timeoutMs)]),
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const { statusCode: status, headers } = response;
      const body = await response.body.text();
      if (status >= 200 && status < 300) return { kind: 'sent', status, pauseMs: bucketPauseMs(headers) };
      if (status === 429) return { kind: 'rate-limited', ...rateLimitOf(headers, body) };
      return {
        kind: 'failed',
        status,
        reason: this.hide(`HTTP ${status}: ${discordErrorText(body)}`),
        retryable: status === 408 || status >= 500,
      };
    } catch (error) {
      if (stop.aborted) return { kind: 'failed', reason: 'the notifier was closed', retryable: false };
      return { kind: 'failed', reason: this.hide(transportReason(error, this.options.timeoutMs)), retryable: true };
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  private hide(text: string): string {
    const hidden = this.#secrets.reduce((out, secret) => out.split(secret).join(HIDDEN), text);
    return hidden.length <= MAX_REASON_CHARS ? hidden : `${hidden.slice(0, MAX_REASON_CHARS)}…`;
  }
}

/** The URL, its path and its long path segments, longest first so that the URL goes before its parts. */
function secretsOf(url: string): string[] {
  const { pathname } = new URL(url);
  const segments = pathname.split('/').filter((segment) => segment.length >= MIN_SECRET_SEGMENT);
  return [...new Set([url, pathname, ...segments])].sort((a, b) => b.length - a.length);
}

/** Discord's own words for a refusal ("Unknown Webhook (10015)"), else the start of the body. */
function discordErrorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; code?: unknown };
    if (typeof parsed.message === 'string') {
      return typeof parsed.code === 'number' ? `${parsed.message} (${parsed.code})` : parsed.message;
    }
  } catch {
    // Not JSON: a proxy's page; its first characters say enough.
  }
  return body.trim() === '' ? 'no body' : body.trim();
}

function transportReason(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (name === 'TimeoutError' || code.endsWith('_TIMEOUT')) return `timed out after ${timeoutMs} ms`;
  const message = error instanceof Error ? error.message : String(error);
  return `network error: ${message}${code === '' ? '' : ` (${code})`}`;
}
