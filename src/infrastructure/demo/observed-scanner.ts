import type { ScanResult } from '../../domain/market/scan-result.js';
import type { MarketScanner, ScanFilters } from '../../domain/ports/market-scanner.port.js';
import type { LocalDate } from '../../domain/values/time.js';

/** A scanner that also hands every answer to an observer, for the demo to print what the scan saw. */
export class ObservedScanner implements MarketScanner {
  constructor(
    private readonly scanner: MarketScanner,
    private readonly observe: (tradingDate: LocalDate, results: readonly ScanResult[]) => void,
  ) {}

  get name(): string {
    return this.scanner.name;
  }

  async scanGaps(tradingDate: LocalDate, filters: ScanFilters): Promise<ScanResult[]> {
    const results = await this.scanner.scanGaps(tradingDate, filters);
    this.observe(tradingDate, results);
    return results;
  }
}
