import type { EpochMs } from '../values/time.js';

/** The only source of time. Live: the system clock; backtests and tests: a clock they drive. */
export interface Clock {
  now(): EpochMs;
  /**
   * Resolves once the clock reads at least `at`. An aborted `signal` ends the wait at once with the signal's
   * reason and leaves nothing running (no timer keeps the process alive).
   */
  sleepUntil(at: EpochMs, signal?: AbortSignal): Promise<void>;
}
