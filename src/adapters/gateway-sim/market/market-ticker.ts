import type { Instrument } from '../../../domain/values/instrument.js';
import { priceNearest, type Price } from '../../../domain/values/price.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { SeededRandom } from '../../simulated/seeded-random.js';
import type { SimulatorMarket } from './simulator-market.js';

export interface MarketTickerOptions {
  readonly seed: number;
  /** Wall-clock milliseconds between two published one-minute bars (1000 = a market minute each second). */
  readonly intervalMs: number;
  /** Start of the first bar (the simulator's replay start). */
  readonly startAt: EpochMs;
  /** Opening price per symbol; other instruments start at $10.00. */
  readonly openingPrices?: Readonly<Record<string, number>>;
}

const ONE_MINUTE_MS = 60_000;
const STEP_BPS = 20;

/**
 * Keeps a hand-run simulator's market moving: every interval it publishes the next one-minute bar of a seeded
 * random walk for each instrument, plus a quote, so `skim quote` shows prices and market orders fill.
 */
export class MarketTicker {
  private readonly random: SeededRandom;
  private readonly prices = new Map<string, number>();
  private nextStart: EpochMs;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly market: SimulatorMarket,
    private readonly instruments: readonly Instrument[],
    private readonly options: MarketTickerOptions,
  ) {
    this.random = new SeededRandom(options.seed);
    this.nextStart = options.startAt - (options.startAt % ONE_MINUTE_MS);
    for (const { symbol } of instruments) {
      this.prices.set(symbol, Math.round((options.openingPrices?.[symbol] ?? 10) * 1000));
    }
  }

  start(): void {
    this.tick();
    this.timer = setInterval(() => {
      this.tick();
    }, this.options.intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Publishes one minute of market for every instrument. */
  tick(): void {
    const start = this.nextStart;
    for (const { symbol } of this.instruments) {
      const open = this.prices.get(symbol) ?? 10_000;
      const path = [open, this.step(open), this.step(open), this.step(open)];
      const close = path[3] ?? open;
      const bar = {
        start,
        open: priceNearest(open),
        high: priceNearest(Math.max(...path)),
        low: priceNearest(Math.min(...path)),
        close: priceNearest(close),
        volume: 5_000 + Math.floor(this.random.next() * 45_000),
      };
      this.market.publishBar(symbol, bar);
      this.market.publishQuote(symbol, {
        last: bar.close,
        bid: below(bar.close),
        ask: bar.close,
        at: start + ONE_MINUTE_MS,
      });
      this.prices.set(symbol, close);
    }
    this.nextStart = start + ONE_MINUTE_MS;
  }

  private step(from: number): number {
    const move = (this.random.next() * 2 - 1) * STEP_BPS;
    return Math.max(1, Math.round(from * (1 + move / 10_000)));
  }
}

function below(price: Price): Price {
  return priceNearest(Math.max(1, price - (price < 2000 ? 5 : 10)));
}
