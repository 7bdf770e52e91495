import { SyntheticAnnouncementFeed } from '../../../adapters/synthetic/synthetic-announcement.feed.js';
import { SyntheticGapScanner } from '../../../adapters/synthetic/synthetic-gap.scanner.js';
import type { SyntheticMarket } from '../../../adapters/synthetic/synthetic-market.js';
import type { BacktestData } from '../../../application/backtest/engine/backtest-data.port.js';
import { mergeMinutes } from '../../../application/backtest/engine/minute-merge.js';
import type { TapeMinute } from '../../../application/replay/replay.ports.js';
import type { Bar } from '../../../domain/market/bar.js';
import type { AsxSymbol, Instrument } from '../../../domain/values/instrument.js';
import type { LocalDate } from '../../../domain/values/time.js';

/** A seeded synthetic market as backtest data, with its own gap scanner and announcements. */
export class SyntheticBacktestData implements BacktestData {
  readonly instruments: readonly Instrument[];
  readonly scanner: SyntheticGapScanner;
  readonly announcements: SyntheticAnnouncementFeed;
  readonly hasAnnouncements = true;
  barsRead = 0;

  constructor(private readonly market: SyntheticMarket) {
    this.instruments = market.instruments.map((stock) => stock.instrument);
    this.scanner = new SyntheticGapScanner(market);
    this.announcements = new SyntheticAnnouncementFeed(market);
  }

  minutes(date: LocalDate, only: ReadonlySet<AsxSymbol>): Iterable<TapeMinute> {
    const feeds = this.instruments
      .filter((instrument) => only.has(instrument.symbol))
      .map((instrument) => ({ instrument, bars: this.market.minuteBars(instrument.symbol, date) }));
    return mergeMinutes(feeds, () => {
      this.barsRead += 1;
    });
  }

  /** The generated day added up; its minutes count as read, since they were generated to add it up. */
  dailyBar(symbol: AsxSymbol, date: LocalDate): Bar | undefined {
    this.barsRead += this.market.session(symbol, date).count;
    return this.market.dailyBar(symbol, date);
  }

  dailyHistory(symbol: AsxSymbol, from: LocalDate, to: LocalDate): Iterable<Bar> {
    return this.market.dailyBars(symbol, from, to);
  }
}
