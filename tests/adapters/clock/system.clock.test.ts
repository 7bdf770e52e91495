import { describe, expect, it } from 'vitest';
import { SystemClock } from '../../../src/adapters/clock/system.clock.js';

describe('SystemClock', () => {
  it('reads the wall clock in epoch milliseconds', () => {
    const before = Date.now();
    const now = new SystemClock().now();
    expect(Number.isSafeInteger(now)).toBe(true);
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('does not wait for an instant already past', async () => {
    const clock = new SystemClock();
    await expect(clock.sleepUntil(clock.now() - 60_000)).resolves.toBeUndefined();
  });

  it('returns from a sleep only once the clock reads at least the instant', async () => {
    const clock = new SystemClock();
    const at = clock.now() + 25;
    await clock.sleepUntil(at);
    expect(clock.now()).toBeGreaterThanOrEqual(at);
  });
});
