import type { Clock } from '../../domain/ports/clock.port.js';
import type { EpochMs } from '../../domain/values/time.js';

/** setTimeout cannot wait longer than this (about 24.8 days) in one go. */
const MAX_TIMER_MS = 2_147_483_647;

/** The wall clock. The only place production code reads the system time. */
export class SystemClock implements Clock {
  now(): EpochMs {
    return Date.now();
  }

  /** Timers can fire early (and the system clock can be stepped), so the deadline is re-checked on waking. */
  async sleepUntil(at: EpochMs, signal?: AbortSignal): Promise<void> {
    for (let remaining = at - this.now(); remaining > 0; remaining = at - this.now()) {
      await wait(Math.min(remaining, MAX_TIMER_MS), signal);
    }
    signal?.throwIfAborted();
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
