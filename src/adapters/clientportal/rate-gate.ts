import type { EpochMs } from '../../domain/values/time.js';
import type { RateLimit } from './clientportal.config.js';

/**
 * A token bucket holding `requests` tokens that refills one every `perMs / requests` ms, kept in its
 * virtual-scheduling form: instead of a token count it remembers the instant the bucket would next be
 * empty ("theoretical arrival time"), which stays exact with integer milliseconds.
 */
export class RateGate {
  private readonly interval: number;
  private readonly burstAllowance: number;
  private theoreticalArrival = Number.NEGATIVE_INFINITY;

  constructor(limit: RateLimit) {
    if (!(limit.requests >= 1) || !(limit.perMs > 0)) {
      throw new RangeError(`invalid rate limit ${limit.requests} per ${limit.perMs} ms`);
    }
    this.interval = limit.perMs / limit.requests;
    this.burstAllowance = limit.perMs - this.interval;
  }

  /** The earliest instant at or after `now` at which a request may go. */
  earliestStart(now: EpochMs): EpochMs {
    return Math.max(now, this.theoreticalArrival - this.burstAllowance);
  }

  /** Spends one token; call only when `earliestStart(now) <= now`. */
  take(now: EpochMs): void {
    this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + this.interval;
  }
}
