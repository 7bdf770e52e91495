import type { Clock } from '../../domain/ports/clock.port.js';
import type { EpochMs } from '../../domain/values/time.js';

interface Sleeper {
  readonly at: EpochMs;
  readonly wake: () => void;
}

/**
 * A clock that moves only when told to: backtests step it through history, tests through a scenario.
 * Sleepers wake, earliest first, as soon as the clock reaches their instant.
 */
export class ManualClock implements Clock {
  private current: EpochMs;
  private sleepers: Sleeper[] = [];

  constructor(start: EpochMs) {
    this.current = checkedInstant(start);
  }

  now(): EpochMs {
    return this.current;
  }

  sleepUntil(at: EpochMs, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (at <= this.current) return Promise.resolve();
    return new Promise<void>((wake, reject) => {
      const sleeper: Sleeper = { at, wake };
      this.sleepers.push(sleeper);
      this.sleepers.sort((a, b) => a.at - b.at);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((other) => other !== sleeper);
          reject(signal.reason as Error);
        },
        { once: true },
      );
    });
  }

  /** Moves the clock to `at`; time never runs backwards. */
  set(at: EpochMs): void {
    const next = checkedInstant(at);
    if (next < this.current) {
      throw new RangeError(`ManualClock cannot go back from ${this.current} to ${next}`);
    }
    this.current = next;
    this.wakeDue();
  }

  advanceBy(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ManualClock cannot advance by ${ms} ms`);
    this.set(this.current + ms);
  }

  /** The earliest instant someone is sleeping until, so a backtest can jump straight to it. */
  nextWakeUp(): EpochMs | undefined {
    return this.sleepers[0]?.at;
  }

  private wakeDue(): void {
    const due = this.sleepers.filter((sleeper) => sleeper.at <= this.current);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.at > this.current);
    for (const sleeper of due) sleeper.wake();
  }
}

function checkedInstant(at: EpochMs): EpochMs {
  if (!Number.isSafeInteger(at)) throw new RangeError(`not an instant in whole milliseconds: ${at}`);
  return at;
}
