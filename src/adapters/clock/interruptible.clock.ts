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
 * Wraps a clock so that a shutdown ends every sleep at once (and cancels its timer) while work already running
 * carries on to its next sleep. That is how `skim run` finishes the step in flight and stops between steps.
 */
export class InterruptibleClock implements Clock {
  private readonly shutdown = new AbortController();

  constructor(private readonly inner: Clock) {}

  now(): EpochMs {
    return this.inner.now();
  }

  sleepUntil(at: EpochMs, signal?: AbortSignal): Promise<void> {
    const signals = signal === undefined ? this.shutdown.signal : AbortSignal.any([this.shutdown.signal, signal]);
    return this.inner.sleepUntil(at, signals);
  }

  get isStopping(): boolean {
    return this.shutdown.signal.aborted;
  }

  requestShutdown(): void {
    this.shutdown.abort(new ShutdownRequested());
  }
}
