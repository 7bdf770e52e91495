import { InvalidValue } from '../errors/invalid-value.error.js';
import type { EpochMs } from '../values/time.js';

/**
 * Order sends over a sliding window (one minute by default), for the orders-per-minute circuit breaker.
 * Immutable: `record` returns a new window. A send at t counts while the clock is before t + window.
 */
export class OrderRateWindow {
  private constructor(
    private readonly sends: readonly EpochMs[],
    readonly windowMs: number,
  ) {}

  static empty(windowMs = 60_000): OrderRateWindow {
    if (!Number.isSafeInteger(windowMs) || windowMs < 1) {
      throw new InvalidValue('order rate window', windowMs, 'not a positive whole number of milliseconds');
    }
    return new OrderRateWindow([], windowMs);
  }

  /** The window with one more send at `at`; sends that can no longer count from `at` on are dropped. */
  record(at: EpochMs): OrderRateWindow {
    const kept = this.sends.filter((t) => t > at - this.windowMs);
    return new OrderRateWindow(
      [...kept, at].sort((a, b) => a - b),
      this.windowMs,
    );
  }

  /** Sends in (asOf - window, asOf]. */
  countAt(asOf: EpochMs): number {
    return this.sends.filter((t) => t > asOf - this.windowMs && t <= asOf).length;
  }

  /** True when one more send at `asOf` stays within `maxPerWindow`. */
  allows(asOf: EpochMs, maxPerWindow: number): boolean {
    return this.countAt(asOf) < maxPerWindow;
  }

  /** The first instant at or after `asOf` at which another send is allowed. */
  nextAllowedAt(asOf: EpochMs, maxPerWindow: number): EpochMs {
    const counted = this.sends.filter((t) => t > asOf - this.windowMs && t <= asOf);
    const excess = counted.length - maxPerWindow;
    if (excess < 0) return asOf;
    const mustExpire = counted[excess];
    return mustExpire === undefined ? asOf : mustExpire + this.windowMs;
  }
}
