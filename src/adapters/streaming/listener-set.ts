import type { Logger } from 'pino';
import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { Fill } from '../../domain/orders/fill.js';
import type {
  MarketDataListener,
  QuoteUpdate,
  StreamHealth,
  TradeUpdate,
} from '../../domain/ports/market-data-stream.port.js';

/**
 * The listeners of one stream. A listener that throws is logged and skipped: one faulty consumer must not
 * keep an update from the others, nor break the socket handler that delivered it.
 */
export class ListenerSet {
  private readonly listeners = new Set<MarketDataListener>();

  constructor(private readonly logger: Logger) {}

  add(listener: MarketDataListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }

  quote(update: QuoteUpdate): void {
    this.each('onQuote', (listener) => listener.onQuote?.(update));
  }

  trade(update: TradeUpdate): void {
    this.each('onTrade', (listener) => listener.onTrade?.(update));
  }

  order(order: BrokerOrder): void {
    this.each('onOrder', (listener) => listener.onOrder?.(order));
  }

  fill(fill: Fill): void {
    this.each('onFill', (listener) => listener.onFill?.(fill));
  }

  health(health: StreamHealth): void {
    this.each('onHealth', (listener) => listener.onHealth?.(health));
  }

  private each(kind: string, deliver: (listener: MarketDataListener) => void): void {
    for (const listener of this.listeners) {
      try {
        deliver(listener);
      } catch (error) {
        this.logger.error({ err: error, kind }, 'market-data listener failed');
      }
    }
  }
}
