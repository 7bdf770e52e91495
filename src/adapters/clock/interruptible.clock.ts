import type { Clock } from '../../domain/ports/clock.port.js';
import type { EpochMs } from '../../domain/values/time.js';

/** Thrown out of `sleepUntil` once a shutdown was asked for: the waiting code unwinds instead of waking later. */
export class ShutdownRequested extends Error {
  constructor() {
    super('shutdown requested');
    this.name = 'ShutdownRequested';
  }
}

/**
 * Wraps a clock so that a shutdown interrupts every sleep at once while work already running carries on to its
 * next sleep. That is how `skim run` finishes the step in flight and stops between steps.
 */
export class InterruptibleClock implements Clock {
  private stopping = false;
  private readonly waiting = new Set<(error: ShutdownRequested) => void>();

  constructor(private readonly inner: Clock) {}

  now(): EpochMs {
    return this.inner.now();
  }

  sleepUntil(at: EpochMs): Promise<void> {
    if (this.stopping) return Promise.reject(new ShutdownRequested());
    return new Promise<void>((resolve, reject) => {
      this.waiting.add(reject);
      this.inner.sleepUntil(at).then(
        () => {
          this.waiting.delete(reject);
          if (this.stopping) reject(new ShutdownRequested());
          else resolve();
        },
        (error: unknown) => {
          this.waiting.delete(reject);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  requestShutdown(): void {
    this.stopping = true;
    for (const reject of this.waiting) reject(new ShutdownRequested());
    this.waiting.clear();
  }
}
