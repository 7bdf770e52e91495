import type { AppLogger } from '../../application/shared/app-logger.js';
import type { ScanResult } from '../../domain/market/scan-result.js';
import type { MarketScanner, ScanFilters } from '../../domain/ports/market-scanner.port.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { RawSource } from '../recording/raw-source.js';
import { tradingViewScanBody, type TradingViewScanBody } from './tradingview-request.js';
import { parseTradingViewScan } from './tradingview-scan.parser.js';
import { TRADINGVIEW_SOURCE } from './tradingview-row.js';

export const DEFAULT_TRADINGVIEW_ROWS = 100;

/**
 * Gap scan over TradingView's public screener. The screener only knows the current session, so
 * `tradingDate` labels the logs; it cannot ask about another day. Unavailable sources and malformed
 * answers throw (SourceUnavailable, TradingViewPayloadError); a bad row is logged and skipped.
 */
export class TradingViewScanner implements MarketScanner {
  readonly name = TRADINGVIEW_SOURCE;

  constructor(
    private readonly source: RawSource<TradingViewScanBody>,
    private readonly log: AppLogger,
    private readonly maxRows = DEFAULT_TRADINGVIEW_ROWS,
  ) {}

  async scanGaps(tradingDate: LocalDate, filters: ScanFilters): Promise<ScanResult[]> {
    const scan = parseTradingViewScan(await this.source.fetchRaw(tradingViewScanBody(filters, this.maxRows)));
    for (const issue of scan.issues) {
      this.log.warn(
        { source: this.name, tradingDate, row: issue.row, ticker: issue.ticker, skipped: issue.skipped },
        `tradingview data[${issue.row}] ${issue.ticker ?? '(no symbol)'}: ${issue.problem}`,
      );
    }
    if (scan.otherExchanges.length > 0) {
      this.log.debug({ source: this.name, tickers: scan.otherExchanges }, 'rows from other exchanges left out');
    }
    if (scan.totalCount !== undefined && scan.totalCount > scan.rowCount) {
      this.log.info(
        { source: this.name, totalCount: scan.totalCount, fetched: scan.rowCount },
        `tradingview matched ${scan.totalCount} stocks; only the ${scan.rowCount} largest gaps were fetched`,
      );
    }
    return scan.results;
  }
}
