import type { Clock } from '../../domain/ports/clock.port.js';
import type { StreamHealth, StreamMode } from '../../domain/ports/market-data-stream.port.js';

/** A stream's health flag: changes of mode are stamped with the time and reported once each. */
export class HealthState {
  private current: StreamHealth;

  constructor(
    private readonly clock: Clock,
    private readonly changed: (health: StreamHealth) => void,
    initialReason = 'not started',
  ) {
    this.current = { mode: 'down', since: clock.now(), reason: initialReason };
  }

  get(): StreamHealth {
    return this.current;
  }

  /** Moves to `mode`; the reason is updated in place when the mode does not change. */
  set(mode: StreamMode, reason: string): void {
    if (mode === this.current.mode) {
      this.current = { ...this.current, reason };
      return;
    }
    this.current = { mode, since: this.clock.now(), reason };
    this.changed(this.current);
  }
}
