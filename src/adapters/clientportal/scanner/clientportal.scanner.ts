import type { AppLogger } from '../../../application/shared/app-logger.js';
import type { ScanResult } from '../../../domain/market/scan-result.js';
import type { MarketScanner, ScanFilters } from '../../../domain/ports/market-scanner.port.js';
import type { LocalDate } from '../../../domain/values/time.js';
import type { RawSource } from '../../recording/raw-source.js';
import {
  ibkrScanRequest,
  IBKR_SCANNER_DEFAULTS,
  type IbkrScannerSettings,
  type IbkrScanRequest,
} from './ibkr-scan-request.js';
import { parseIbkrScan } from './ibkr-scan.parser.js';
import { IBKR_SCANNER_SOURCE } from './ibkr-scanner-names.js';

/**
 * Gap scan over IBKR's own market scanner, the fallback when TradingView does not answer. Like every
 * scanner it only knows the current session, so `tradingDate` labels the logs. It reports no prices or
 * volumes: it filtered on them itself. Failures throw (UnknownScannerCode, CompetingSessionSuspected,
 * UnexpectedResponse, the gateway client's errors); a bad row is logged and skipped.
 */
export class ClientPortalScanner implements MarketScanner {
  readonly name = IBKR_SCANNER_SOURCE;

  constructor(
    private readonly source: RawSource<IbkrScanRequest>,
    private readonly log: AppLogger,
    private readonly settings: IbkrScannerSettings = IBKR_SCANNER_DEFAULTS,
  ) {}

  async scanGaps(tradingDate: LocalDate, filters: ScanFilters): Promise<ScanResult[]> {
    const scan = parseIbkrScan(await this.source.fetchRaw(ibkrScanRequest(this.settings, filters)));
    for (const issue of scan.issues) {
      const name = [issue.symbol, issue.conid === undefined ? undefined : `con_id ${issue.conid}`]
        .filter((part) => part !== undefined)
        .join(', ');
      this.log.warn(
        { source: this.name, tradingDate, row: issue.row, symbol: issue.symbol, conid: issue.conid },
        `ibkr-scanner contracts[${issue.row}]${name === '' ? '' : ` (${name})`} skipped: ${issue.problem}`,
      );
    }
    this.log.debug(
      { source: this.name, tradingDate, scanType: this.settings.scanType, column: scan.columnName },
      `ibkr-scanner ${this.settings.scanType}: ${scan.results.length} of ${scan.rowCount} rows usable`,
    );
    return scan.results;
  }
}
