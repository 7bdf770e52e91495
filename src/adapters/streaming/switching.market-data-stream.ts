import type { Logger } from 'pino';
import type { Quote } from '../../domain/market/quote.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type {
  MarketDataListener,
  MarketDataStream,
  QuoteSource,
  StreamHealth,
} from '../../domain/ports/market-data-stream.port.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { EpochMs } from '../../domain/values/time.js';
import { HealthState } from './health-state.js';
import { ListenerSet } from './listener-set.js';
import { DEFAULT_POLLING_SETTINGS, type PollingSettings } from './polling-settings.js';
import { RestPoller } from './rest-poller.js';

export interface SwitchingStreamDeps {
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * One MarketDataStream that stays useful when the WebSocket is not: it forwards the primary (socket)
 * stream while that is healthy, and polls REST snapshots, live orders and executions through the broker
 * while the socket is down or unauthenticated, switching back as soon as the socket returns. Health says
 * which: `stream`, `polling` (the last poll answered) or `down` (neither works). Trade prints come only
 * from the socket; quotes, orders and fills from either. A fill is delivered once, whichever side saw it.
 */
export class SwitchingMarketDataStream implements MarketDataStream {
  private readonly listeners: ListenerSet;
  private readonly state: HealthState;
  private readonly poller: RestPoller;
  private readonly subscribed = new Map<number, Instrument>();
  private readonly latest = new Map<number, Quote>();
  private readonly deliveredFills = new Set<string>();
  private startedAt: EpochMs = 0;
  private stopPrimary: (() => void) | undefined;
  private running = false;

  constructor(
    private readonly primary: MarketDataStream,
    broker: Broker,
    private readonly deps: SwitchingStreamDeps,
    settings: PollingSettings = DEFAULT_POLLING_SETTINGS,
  ) {
    this.listeners = new ListenerSet(deps.logger);
    this.state = new HealthState(deps.clock, (health) => {
      deps.logger.info({ mode: health.mode, reason: health.reason }, 'market data source changed');
      this.listeners.health(health);
    });
    this.poller = new RestPoller(
      broker,
      () => [...this.subscribed.values()],
      () => this.startedAt,
      {
        quote: (quote) => {
          this.quoteArrived(quote, 'polling');
        },
        order: (order) => {
          this.listeners.order(order);
        },
        fill: (fill) => {
          this.fillArrived(fill);
        },
        outcome: (ok, reason) => {
          if (!this.primaryStreaming()) this.state.set(ok ? 'polling' : 'down', reason);
        },
      },
      deps.logger,
      settings,
    );
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.startedAt = this.deps.clock.now();
    this.stopPrimary = this.primary.listen({
      onQuote: ({ quote }) => {
        this.quoteArrived(quote, 'stream');
      },
      onTrade: (update) => {
        this.listeners.trade(update);
      },
      onOrder: (order) => {
        this.listeners.order(order);
      },
      onFill: (fill) => {
        this.fillArrived(fill);
      },
      onHealth: (health) => {
        this.primaryHealthChanged(health);
      },
    });
    await this.primary.start();
    this.primaryHealthChanged(this.primary.health());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.poller.stop();
    this.stopPrimary?.();
    this.stopPrimary = undefined;
    await this.primary.stop();
    this.state.set('down', 'stopped');
    this.listeners.clear();
  }

  subscribeQuotes(instruments: readonly Instrument[]): void {
    for (const instrument of instruments) this.subscribed.set(instrument.conid, instrument);
    this.primary.subscribeQuotes(instruments);
  }

  unsubscribeQuotes(instruments: readonly Instrument[]): void {
    for (const { conid } of instruments) {
      this.subscribed.delete(conid);
      this.latest.delete(conid);
    }
    this.primary.unsubscribeQuotes(instruments);
  }

  listen(listener: MarketDataListener): () => void {
    return this.listeners.add(listener);
  }

  latestQuote(instrument: Instrument): Quote | undefined {
    return this.latest.get(instrument.conid);
  }

  health(): StreamHealth {
    return this.state.get();
  }

  private primaryHealthChanged(health: StreamHealth): void {
    if (!this.running) return;
    if (health.mode === 'stream') {
      this.poller.stop();
      this.state.set('stream', health.reason);
      return;
    }
    if (!this.poller.active) {
      this.deps.logger.warn({ reason: health.reason }, 'WebSocket unusable; polling REST snapshots');
      if (this.state.get().mode === 'stream') this.state.set('down', health.reason);
      this.poller.start();
    }
  }

  private primaryStreaming(): boolean {
    return this.primary.health().mode === 'stream';
  }

  /** A quote older than the one already held (a late poll answer after the switch back) is dropped. */
  private quoteArrived(quote: Quote, source: QuoteSource): void {
    const conid = quote.instrument.conid;
    if (!this.subscribed.has(conid)) return;
    const held = this.latest.get(conid);
    if (held !== undefined && quote.at < held.at) return;
    this.latest.set(conid, quote);
    this.listeners.quote({ quote, source });
  }

  private fillArrived(fill: Fill): void {
    if (this.deliveredFills.has(fill.executionId)) return;
    this.deliveredFills.add(fill.executionId);
    this.listeners.fill(fill);
  }
}
