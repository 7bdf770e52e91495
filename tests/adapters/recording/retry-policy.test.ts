import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryDelayMs,
  type RetryPolicy,
} from '../../../src/adapters/recording/retry-policy.js';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('retryDelayMs', () => {
  it('doubles the delay for each retry, the random part filling the upper half', () => {
    expect([1, 2, 3].map((retry) => retryDelayMs(policy, retry, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((retry) => retryDelayMs(policy, retry, () => 1))).toEqual([100, 200, 400]);
    expect(retryDelayMs(policy, 2, () => 0.5)).toBe(150);
  });

  it('never waits longer than the cap, however many retries', () => {
    expect(retryDelayMs(policy, 10, () => 1)).toBe(1000);
    expect(retryDelayMs(policy, 10, () => 0)).toBe(500);
  });

  it('clamps a random source that strays outside [0, 1]', () => {
    expect(retryDelayMs(policy, 1, () => 7)).toBe(100);
    expect(retryDelayMs(policy, 1, () => -3)).toBe(50);
  });

  it('stays within [cap / 2, cap] for any retry and any random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (retry, unit) => {
        const cap = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (retry - 1));
        const wait = retryDelayMs(DEFAULT_RETRY_POLICY, retry, () => unit);
        return wait >= Math.floor(cap / 2) && wait <= cap;
      }),
    );
  });
});

describe('isRetryableStatus', () => {
  it('retries busy, slow and broken servers but not refused requests', () => {
    expect([408, 425, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });
});
