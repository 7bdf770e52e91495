import type { ScanResult } from '../../domain/market/scan-result.js';
import type { MarketScanner, ScanFilters } from '../../domain/ports/market-scanner.port.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { SyntheticMarket } from './synthetic-market.js';

/**
 * The synthetic market's gappers as a pre-open scanner reports them: the opening auction's indicative price
 * against the previous close, which is near the official open but not always on it. Like a screener it
 * applies the filters itself and lists the biggest gaps first.
 */
export class SyntheticGapScanner implements MarketScanner {
  readonly name = 'synthetic';

  constructor(private readonly market: SyntheticMarket) {}

  scanGaps(tradingDate: LocalDate, filters: ScanFilters): Promise<ScanResult[]> {
    try {
      return Promise.resolve(this.gappers(tradingDate, filters));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private gappers(tradingDate: LocalDate, filters: ScanFilters): ScanResult[] {
    return this.market
      .day(tradingDate)
      .map(({ stock, plan }): ScanResult => {
        const gapPct = ((plan.indicativeOpen - plan.previousClose) * 100) / plan.previousClose;
        return {
          symbol: stock.instrument.symbol,
          companyName: stock.companyName,
          last: plan.indicativeOpen,
          open: plan.indicativeOpen,
          previousClose: plan.previousClose,
          gapPct,
          source: this.name,
        };
      })
      .filter((result) => result.gapPct >= filters.minGapPct && (result.last ?? 0) >= filters.minPrice * 1000)
      .sort((a, b) => b.gapPct - a.gapPct);
  }
}
