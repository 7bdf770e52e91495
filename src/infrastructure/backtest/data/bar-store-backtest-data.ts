import { barAt, barsOf, type BarColumns } from '../../../adapters/bars/store/bar-columns.js';
import type { BarStore } from '../../../adapters/bars/store/bar-store.js';
import { DisabledAnnouncementFeed } from '../../../adapters/disabled/disabled-announcement.feed.js';
import type { BacktestData } from '../../../application/backtest/engine/backtest-data.port.js';
import { mergeMinutes } from '../../../application/backtest/engine/minute-merge.js';
import type { TapeMinute } from '../../../application/replay/replay.ports.js';
import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import type { Bar } from '../../../domain/market/bar.js';
import { instrument, type AsxSymbol, type Instrument } from '../../../domain/values/instrument.js';
import type { LocalDate } from '../../../domain/values/time.js';
import { BarStoreGapScanner } from './bar-store-gap.scanner.js';

/** The store has symbols but no contract ids; these stand in for them, stable for a given store. */
const FIRST_CONID = 900_001;

/**
 * Recorded bars from the on-disk bar store as backtest data. The store holds no announcements, so a run on it
 * must not require one (the caller turns `requireAnnouncement` off and says so).
 */
export class BarStoreBacktestData implements BacktestData {
  readonly instruments: readonly Instrument[];
  readonly scanner: BarStoreGapScanner;
  readonly announcements = new DisabledAnnouncementFeed();
  readonly hasAnnouncements = false;
  barsRead = 0;

  constructor(private readonly store: BarStore) {
    const symbols = store.symbols('1min');
    if (symbols.length === 0) throw new InvalidValue('bar store', store.root, 'holds no minute bars');
    this.instruments = [...symbols].sort().map((symbol, index) => instrument(symbol, FIRST_CONID + index));
    this.scanner = new BarStoreGapScanner(store, symbols);
  }

  minutes(date: LocalDate, only: ReadonlySet<AsxSymbol>): Iterable<TapeMinute> {
    const feeds = this.instruments
      .filter((listed) => only.has(listed.symbol))
      .map((listed) => ({ instrument: listed, bars: columnBars(this.store.minuteBars(listed.symbol, date)) }));
    return mergeMinutes(feeds, () => {
      this.barsRead += 1;
    });
  }

  dailyBar(symbol: AsxSymbol, date: LocalDate): Bar | undefined {
    this.barsRead += this.store.minuteBars(symbol, date).length;
    return this.store.dailyBar(symbol, date);
  }

  dailyHistory(symbol: AsxSymbol, from: LocalDate, to: LocalDate): Iterable<Bar> {
    return barsOf(this.store.dailyBars(symbol, from, to));
  }
}

function* columnBars(columns: BarColumns): Generator<Bar> {
  for (let index = 0; index < columns.length; index += 1) yield barAt(columns, index);
}
