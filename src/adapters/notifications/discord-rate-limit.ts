import { z } from 'zod';

export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** Waited when a 429 says nothing usable about how long to wait. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

/** The JSON body of Discord's 429: `retry_after` in seconds (fractional), `global` for the whole application. */
const rateLimitBody = z.object({
  retry_after: z.number().nonnegative(),
  global: z.boolean().optional(),
});

export interface RateLimit {
  readonly waitMs: number;
  /** The limit covers every request of the application, not only this webhook's bucket. */
  readonly global: boolean;
}

/**
 * How long a 429 asks to wait: the body's `retry_after`, else the `Retry-After` header, else
 * `X-RateLimit-Reset-After` (all in seconds), else a second. A 429 from Cloudflare in front of Discord
 * has an HTML body, hence the fallbacks.
 */
export function rateLimitOf(headers: ResponseHeaders, body: string): RateLimit {
  const parsed = rateLimitBody.safeParse(parseJson(body));
  const global =
    (parsed.success && parsed.data.global === true) ||
    header(headers, 'x-ratelimit-global') === 'true' ||
    header(headers, 'x-ratelimit-scope') === 'global';
  const seconds = parsed.success
    ? parsed.data.retry_after
    : (secondsIn(header(headers, 'retry-after')) ?? secondsIn(header(headers, 'x-ratelimit-reset-after')));
  return { waitMs: seconds === undefined ? DEFAULT_RATE_LIMIT_WAIT_MS : toMs(seconds), global };
}

/**
 * After a success: how long to hold the next request because this one used up the bucket
 * (`X-RateLimit-Remaining: 0`), so that Discord never has to answer 429 at all.
 */
export function bucketPauseMs(headers: ResponseHeaders): number {
  if (header(headers, 'x-ratelimit-remaining') !== '0') return 0;
  const seconds = secondsIn(header(headers, 'x-ratelimit-reset-after'));
  return seconds === undefined ? 0 : toMs(seconds);
}

function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim();
}

function secondsIn(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

const toMs = (seconds: number): number => Math.ceil(seconds * 1000);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
