import type { Bar, BarSize } from '../../../domain/market/bar.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { SimulatorMarket, type QuoteUpdate } from '../market/simulator-market.js';

/** Called after the market moved: the symbols whose quote may have changed (every listed one at the close). */
export type MarketMoved = (symbols: readonly string[] | 'all') => void;

/** The simulator's market, telling the WebSocket side each time a bar or quote is published. */
export class ObservedSimulatorMarket extends SimulatorMarket {
  private readonly watchers = new Set<MarketMoved>();

  /** Returns the function that stops watching. */
  onMove(watcher: MarketMoved): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  override publishBar(symbol: string, bar: Bar, size: BarSize = '1min'): void {
    super.publishBar(symbol, bar, size);
    this.moved([symbol]);
  }

  override publishQuote(symbol: string, update: QuoteUpdate): void {
    super.publishQuote(symbol, update);
    this.moved([symbol]);
  }

  override endOfDay(at?: EpochMs): void {
    super.endOfDay(at);
    this.moved('all');
  }

  private moved(symbols: readonly string[] | 'all'): void {
    for (const watcher of this.watchers) watcher(symbols);
  }
}
