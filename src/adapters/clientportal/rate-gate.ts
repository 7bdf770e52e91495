import type { EpochMs } from '../../domain/values/time.js';
import type { RateLimit } from './clientportal.config.js';

/**
 * At most `requests` sends in any window of `perMs`: a token bucket of `requests` tokens in which each
 * token comes back `perMs` after it was spent. Unlike a bucket that refills continuously it never allows a
 * burst plus a refill inside one window (19 requests in a second for "10 per second"), which matters
 * because the gateway punishes a client that exceeds its limits with a lock-out of several minutes.
 */
export class RateGate {
  /** When each spent token returns, oldest first; never longer than `requests`. */
  private readonly returns: EpochMs[] = [];

  constructor(private readonly limit: RateLimit) {
    if (!Number.isSafeInteger(limit.requests) || limit.requests < 1 || !(limit.perMs > 0)) {
      throw new RangeError(`invalid rate limit ${limit.requests} per ${limit.perMs} ms`);
    }
  }

  /** The earliest instant at or after `now` at which a token is free. */
  earliestStart(now: EpochMs): EpochMs {
    this.dropReturned(now);
    if (this.returns.length < this.limit.requests) return now;
    return this.returns[0] ?? now;
  }

  /** Spends a token; call only when `earliestStart(now) <= now`. */
  take(now: EpochMs): void {
    this.dropReturned(now);
    this.returns.push(now + this.limit.perMs);
  }

  private dropReturned(now: EpochMs): void {
    while ((this.returns[0] ?? Number.POSITIVE_INFINITY) <= now) this.returns.shift();
  }
}
