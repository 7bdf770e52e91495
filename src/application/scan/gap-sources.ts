import type { ScanResult } from '../../domain/market/scan-result.js';
import type { MarketScanner, ScanFilters } from '../../domain/ports/market-scanner.port.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';
import type { SourceFailure } from './scan-summary.js';
import { errorText } from '../shared/error-text.js';

export interface GapAnswer {
  readonly results: readonly ScanResult[];
  /** The scanner that answered; undefined when every one failed. */
  readonly source: string | undefined;
  readonly failures: readonly SourceFailure[];
}

/**
 * Asks the scanners in priority order and keeps the first answer. A scanner that throws is logged and the
 * next one asked; an empty answer is an answer (a quiet morning), not a failure. Never rejects.
 */
export async function firstGapAnswer(
  scanners: readonly MarketScanner[],
  tradingDate: LocalDate,
  filters: ScanFilters,
  log: AppLogger,
): Promise<GapAnswer> {
  const failures: SourceFailure[] = [];
  for (const [index, scanner] of scanners.entries()) {
    try {
      const results = await scanner.scanGaps(tradingDate, filters);
      return { results, source: scanner.name, failures };
    } catch (error) {
      const problem = errorText(error);
      failures.push({ source: scanner.name, problem });
      const next = scanners[index + 1];
      log.error(
        { source: scanner.name, tradingDate, error: problem },
        `gap scan source ${scanner.name} failed: ${problem}; ${next ? `trying ${next.name}` : 'no source left'}`,
      );
    }
  }
  return { results: [], source: undefined, failures };
}
