import type { BarStore } from '../../../adapters/bars/store/bar-store.js';
import type { ScanResult } from '../../../domain/market/scan-result.js';
import type { MarketScanner, ScanFilters } from '../../../domain/ports/market-scanner.port.js';
import type { AsxSymbol } from '../../../domain/values/instrument.js';
import type { Price } from '../../../domain/values/price.js';
import { addDays, type LocalDate } from '../../../domain/values/time.js';

/** Calendar days searched back for the previous close, across weekends, holidays and trading halts. */
const PREVIOUS_CLOSE_LOOKBACK_DAYS = 14;

/**
 * Gappers from recorded bars, as a scanner sees them at the open: the official open (the first minute bar's
 * open) against the previous session's close (the last daily bar before the day). Nothing after the first
 * minute's open is read, so the scan cannot know how the day went.
 */
export class BarStoreGapScanner implements MarketScanner {
  readonly name = 'bar-store';

  constructor(
    private readonly store: BarStore,
    private readonly symbols: readonly AsxSymbol[],
  ) {}

  scanGaps(tradingDate: LocalDate, filters: ScanFilters): Promise<ScanResult[]> {
    try {
      return Promise.resolve(this.gappers(tradingDate, filters));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private gappers(date: LocalDate, filters: ScanFilters): ScanResult[] {
    const found: ScanResult[] = [];
    for (const symbol of this.symbols) {
      const open = this.officialOpen(symbol, date);
      const previousClose = open === undefined ? undefined : this.previousClose(symbol, date);
      if (open === undefined || previousClose === undefined) continue;
      const gapPct = ((open - previousClose) * 100) / previousClose;
      if (gapPct < filters.minGapPct || open < filters.minPrice * 1000) continue;
      found.push({ symbol, last: open, open, previousClose, gapPct, source: this.name });
    }
    return found.sort((a, b) => b.gapPct - a.gapPct || (a.symbol < b.symbol ? -1 : 1));
  }

  private officialOpen(symbol: AsxSymbol, date: LocalDate): Price | undefined {
    const minutes = this.store.minuteBars(symbol, date);
    return minutes.length === 0 ? undefined : ((minutes.open[0] ?? 0) as Price);
  }

  private previousClose(symbol: AsxSymbol, date: LocalDate): Price | undefined {
    const daily = this.store.dailyBars(symbol, addDays(date, -PREVIOUS_CLOSE_LOOKBACK_DAYS), addDays(date, -1));
    return daily.length === 0 ? undefined : ((daily.close[daily.length - 1] ?? 0) as Price);
  }
}
