import { z } from 'zod';
import type { ScanResult } from '../../domain/market/scan-result.js';
import { TradingViewPayloadError } from './tradingview-payload.error.js';
import { mapTradingViewRow, type RowIssue } from './tradingview-row.js';
import { describeZodIssues } from './zod-issues.js';

/** A screener answer turned into scan results, with everything that was dropped or doubtful along the way. */
export interface TradingViewScan {
  readonly results: ScanResult[];
  readonly issues: RowIssue[];
  /** Rows from other exchanges (CHIXA:...), left out on purpose. */
  readonly otherExchanges: string[];
  /** How many rows matched on the server; more than `data` holds when the range cut them off. */
  readonly totalCount: number | undefined;
  readonly rowCount: number;
}

const envelope = z.object({
  totalCount: z.number().optional(),
  error: z.string().nullable().optional(),
  data: z.array(z.unknown()).nullable().optional(),
});

/**
 * Parses a raw screener answer. A body that is not the documented envelope is a TradingViewPayloadError;
 * a bad row is skipped and reported; a symbol repeated in the answer keeps its first row, which in a
 * gap-sorted answer is the larger gap.
 */
export function parseTradingViewScan(raw: string): TradingViewScan {
  const parsed = envelope.safeParse(parseJson(raw));
  if (!parsed.success) throw new TradingViewPayloadError(`unexpected envelope (${describeZodIssues(parsed.error)})`);
  const { data, totalCount, error } = parsed.data;
  if (error) throw new TradingViewPayloadError(`the screener reported an error: ${error}`);
  if (!data) throw new TradingViewPayloadError('no "data" array');

  const results: ScanResult[] = [];
  const issues: RowIssue[] = [];
  const otherExchanges: string[] = [];
  const firstRowOf = new Map<string, number>();
  data.forEach((raw, row) => {
    const outcome = mapTradingViewRow(row, raw);
    if (outcome.kind === 'other_exchange') {
      otherExchanges.push(outcome.ticker);
      return;
    }
    issues.push(...outcome.warnings);
    if (outcome.kind === 'skipped') {
      issues.push(outcome.issue);
      return;
    }
    const kept = firstRowOf.get(outcome.result.symbol);
    if (kept !== undefined) {
      issues.push({
        row,
        ticker: `ASX:${outcome.result.symbol}`,
        problem: `repeats ${outcome.result.symbol} of data[${kept}]; kept data[${kept}], dropped this row`,
        skipped: true,
      });
      return;
    }
    firstRowOf.set(outcome.result.symbol, row);
    results.push(outcome.result);
  });
  return { results, issues, otherExchanges, totalCount, rowCount: data.length };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new TradingViewPayloadError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
