import type { Clock } from '../../../domain/ports/clock.port.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { ManualClock } from '../../clock/manual.clock.js';
import { SystemClock } from '../../clock/system.clock.js';

/**
 * The simulator's "now": order times, trade windows, history windows. Live, it is the system clock. In a
 * replay it starts at a given instant and moves only forward, as market data is published or when told.
 */
export class SimulatorClock implements Clock {
  private constructor(
    private readonly source: Clock,
    private readonly replay: ManualClock | undefined,
  ) {}

  static live(): SimulatorClock {
    return new SimulatorClock(new SystemClock(), undefined);
  }

  static replayFrom(start: EpochMs): SimulatorClock {
    const manual = new ManualClock(start);
    return new SimulatorClock(manual, manual);
  }

  get isReplay(): boolean {
    return this.replay !== undefined;
  }

  now(): EpochMs {
    return this.source.now();
  }

  sleepUntil(at: EpochMs): Promise<void> {
    return this.source.sleepUntil(at);
  }

  /** Replay: time moves forward to `at` if it is behind (never back). Live: the wall clock needs no help. */
  reach(at: EpochMs): void {
    if (this.replay !== undefined && at > this.replay.now()) this.replay.set(at);
  }
}
