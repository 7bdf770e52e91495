import type { EpochMs } from '../values/time.js';

/** The only source of time. Live: the system clock; backtests and tests: a clock they drive. */
export interface Clock {
  now(): EpochMs;
  /** Resolves once the clock reads at least `at`. */
  sleepUntil(at: EpochMs): Promise<void>;
}
