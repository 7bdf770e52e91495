/** How often and how patiently a read from an outside source is repeated. */
export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  readonly maxAttempts: number;
  /** Delay before the first retry, before jitter; it doubles for each later retry. */
  readonly baseDelayMs: number;
  /** No delay is ever longer than this. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 4000 });

/**
 * Delay before retry number `retry` (1 = the first retry): the doubled delay, capped, of which the upper half
 * is random so that several processes do not retry in step. Always within [cap / 2, cap].
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(cap / 2 + (cap / 2) * unit);
}

/** Statuses worth asking again for: the server was busy, slow or broken, not the request. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}
