import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { OutsideWork } from '../../application/replay/replay.ports.js';

const CREATED = 'undici:request:create';
const COMPLETED = 'undici:request:trailers';
const FAILED = 'undici:request:error';

interface RequestMessage {
  readonly request: object;
}

/**
 * Counts the HTTP requests undici has under way in this process, from its diagnostics channels: a request is
 * in flight from its creation until its response has been read to the end or it failed. It sees every
 * undici request of the process, so it suits a process whose only HTTP client is the gateway adapter (the
 * demo), without reaching into how the adapter builds its connection pool.
 */
export class HttpRequestsInFlight implements OutsideWork {
  private readonly open = new Set<object>();
  private changes = 0;
  private waiting: (() => void)[] = [];

  private readonly created = (message: unknown): void => {
    this.open.add(requestOf(message));
    this.changes += 1;
  };

  private readonly ended = (message: unknown): void => {
    if (!this.open.delete(requestOf(message))) return;
    this.changes += 1;
    if (this.open.size === 0) this.wakeWaiting();
  };

  /** Starts listening; call `stop()` when done. */
  start(): this {
    subscribe(CREATED, this.created);
    subscribe(COMPLETED, this.ended);
    subscribe(FAILED, this.ended);
    return this;
  }

  stop(): void {
    unsubscribe(CREATED, this.created);
    unsubscribe(COMPLETED, this.ended);
    unsubscribe(FAILED, this.ended);
    this.open.clear();
    this.wakeWaiting();
  }

  inFlight(): number {
    return this.open.size;
  }

  activity(): number {
    return this.changes;
  }

  idle(): Promise<void> {
    if (this.open.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private wakeWaiting(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}

function requestOf(message: unknown): object {
  return (message as RequestMessage).request;
}
