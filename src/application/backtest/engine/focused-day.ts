import type { MarketTape, ReplayVenue, TapeMinute } from '../../replay/replay.ports.js';
import type { Bar } from '../../../domain/market/bar.js';
import type { AsxSymbol, Instrument } from '../../../domain/values/instrument.js';
import type { EpochMs, LocalDate } from '../../../domain/values/time.js';
import type { BacktestData } from './backtest-data.port.js';
import type { BacktestVenue } from './backtest-venue.port.js';

/**
 * The instruments that can trade on `date`: every candidate comes from the pre-open scanner's gappers, and
 * every exit from something held or an order still working. The scanner is asked with no price or volume
 * floor, so the set is a superset of what the scan will keep. Nothing else can place an order that day.
 */
export async function instrumentsInPlay(
  date: LocalDate,
  data: BacktestData,
  venue: BacktestVenue,
  minGapPct: number,
): Promise<Set<AsxSymbol>> {
  const gappers = await data.scanner.scanGaps(date, { minGapPct, minPrice: 0, minVolume: 0 });
  const inPlay = new Set<AsxSymbol>(gappers.map((result) => result.symbol));
  for (const position of venue.positions()) inPlay.add(position.instrument.symbol);
  for (const order of venue.openOrders()) inPlay.add(order.instrument.symbol);
  return inPlay;
}

/**
 * One replayed day in which only the instruments in play are replayed minute by minute; the others get their
 * daily bar at the close instead, so their history (previous close, moving averages) stays whole while the
 * minutes in which nothing can happen to them cost nothing.
 */
export class FocusedDay implements ReplayVenue, MarketTape {
  /** Minute bars replayed through the exchange so far. */
  barsPublished = 0;

  constructor(
    private readonly venue: BacktestVenue,
    private readonly data: BacktestData,
    private readonly date: LocalDate,
    private readonly inPlay: ReadonlySet<AsxSymbol>,
  ) {}

  minutes(date: LocalDate): Iterable<TapeMinute> {
    return this.data.minutes(date, this.inPlay);
  }

  publishBar(instrument: Instrument, bar: Bar): void {
    this.barsPublished += 1;
    this.venue.publishBar(instrument, bar);
  }

  /** Publishes the quiet instruments' daily bars, then closes the session. */
  endOfDay(at: EpochMs): void {
    for (const instrument of this.data.instruments) {
      if (this.inPlay.has(instrument.symbol)) continue;
      const daily = this.data.dailyBar(instrument.symbol, this.date);
      if (daily !== undefined) this.venue.publishBar(instrument, daily, '1d');
    }
    this.venue.endOfDay(at);
  }
}
