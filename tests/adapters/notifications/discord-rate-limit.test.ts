import { describe, expect, it } from 'vitest';
import {
  bucketPauseMs,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  rateLimitOf,
} from '../../../src/adapters/notifications/discord-rate-limit.js';

describe('rateLimitOf', () => {
  it('reads retry_after (seconds) and global from the JSON body', () => {
    const body = JSON.stringify({ message: 'You are being rate limited.', retry_after: 0.351, global: false });
    expect(rateLimitOf({ 'retry-after': '9' }, body)).toEqual({ waitMs: 351, global: false });
    expect(rateLimitOf({}, JSON.stringify({ retry_after: 2, global: true }))).toEqual({ waitMs: 2000, global: true });
  });

  it('falls back on Retry-After, then X-RateLimit-Reset-After, when the body is not Discord JSON', () => {
    expect(rateLimitOf({ 'retry-after': '3', 'x-ratelimit-reset-after': '7.5' }, '<html>')).toEqual({
      waitMs: 3000,
      global: false,
    });
    expect(rateLimitOf({ 'x-ratelimit-reset-after': '7.25', 'x-ratelimit-scope': 'global' }, '')).toEqual({
      waitMs: 7250,
      global: true,
    });
    expect(rateLimitOf({ 'x-ratelimit-global': 'true' }, '').global).toBe(true);
  });

  it('waits a second when nothing says how long', () => {
    expect(rateLimitOf({ 'retry-after': 'soon' }, '{"retry_after":"x"}')).toEqual({
      waitMs: DEFAULT_RATE_LIMIT_WAIT_MS,
      global: false,
    });
  });
});

describe('bucketPauseMs', () => {
  it('holds the next request until the bucket resets once it is used up', () => {
    expect(bucketPauseMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '1.5' })).toBe(1500);
  });

  it('does not hold while requests remain or nothing says for how long', () => {
    expect(bucketPauseMs({ 'x-ratelimit-remaining': '4', 'x-ratelimit-reset-after': '1.5' })).toBe(0);
    expect(bucketPauseMs({ 'x-ratelimit-remaining': '0' })).toBe(0);
    expect(bucketPauseMs({})).toBe(0);
  });
});
