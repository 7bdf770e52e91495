import type { Clock } from '../../../../src/domain/ports/clock.port.js';
import type { EpochMs } from '../../../../src/domain/values/time.js';

/**
 * A test clock whose sleeps return at once after moving time forward to the wake-up instant, so paced
 * code runs to completion deterministically; `sleeps` records every wait that was asked for.
 */
export class JumpingClock implements Clock {
  readonly sleeps: EpochMs[] = [];

  constructor(private current: EpochMs) {}

  now(): EpochMs {
    return this.current;
  }

  sleepUntil(at: EpochMs): Promise<void> {
    this.sleeps.push(at);
    if (at > this.current) this.current = at;
    return Promise.resolve();
  }

  advance(ms: number): void {
    this.current += ms;
  }

  /** Puts the clock at `at`, earlier or later: tests set the scene before anything runs. */
  setTo(at: EpochMs): void {
    this.current = at;
  }
}
