import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import type { Bar, BarSize } from '../../../domain/market/bar.js';
import { asxSymbol, type Instrument } from '../../../domain/values/instrument.js';
import type { Price } from '../../../domain/values/price.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { barCompletesAt } from '../../simulated/bar-timing.js';
import type { SimulatedExchange } from '../../simulated/simulated-exchange.js';
import type { SimulatorClock } from './simulator-clock.js';

export interface QuoteUpdate {
  /** Simulator time when absent. */
  readonly at?: EpochMs;
  readonly last?: Price;
  readonly bid?: Price;
  readonly ask?: Price;
}

/**
 * Moves the simulated market: bars, quotes and the close. In a replay the simulator's clock follows, so a
 * published minute bar is complete, and any order placed next is later than it, as in real time.
 */
export class SimulatorMarket {
  constructor(
    private readonly exchange: SimulatedExchange,
    private readonly clock: SimulatorClock,
  ) {}

  /** A completed bar: open orders trade against it, then it joins the history. */
  publishBar(symbol: string, bar: Bar, size: BarSize = '1min'): void {
    this.exchange.publishBar(this.listed(symbol), bar, size);
    this.clock.reach(barCompletesAt(size, bar.start));
  }

  /** History that does not trade, e.g. the daily bars before a replayed day. */
  recordBars(symbol: string, bars: readonly Bar[], size: BarSize): void {
    this.exchange.recordBars(this.listed(symbol), bars, size);
  }

  publishQuote(symbol: string, update: QuoteUpdate): void {
    const at = update.at ?? this.clock.now();
    this.exchange.publishQuote(this.listed(symbol), { ...update, at });
    this.clock.reach(at);
  }

  /** The session closes: DAY orders expire, minute bars become the daily bar. */
  endOfDay(at: EpochMs = this.clock.now()): void {
    this.exchange.endOfDay(at);
    this.clock.reach(at);
  }

  /** Replay only: moves the simulator's time forward. */
  advanceTo(at: EpochMs): void {
    if (!this.clock.isReplay) throw new InvalidValue('simulator time', at, 'the simulator follows the system clock');
    this.clock.reach(at);
  }

  private listed(symbol: string): Instrument {
    const found = this.exchange.findInstrument(asxSymbol(symbol));
    if (found === undefined) throw new InvalidValue('symbol', symbol, 'not listed on the simulated exchange');
    return found;
  }
}
