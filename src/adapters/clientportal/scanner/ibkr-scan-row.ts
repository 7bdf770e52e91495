import { z } from 'zod';
import type { ScanResult } from '../../../domain/market/scan-result.js';
import { asxSymbol, type AsxSymbol } from '../../../domain/values/instrument.js';
import { formatPath } from '../parse.js';
import { wholeNumber } from '../schemas/common.schema.js';
import { IBKR_SCANNER_SOURCE } from './ibkr-scanner-names.js';
import { percentOf } from './scan-data.js';

/** A row of the scanner's answer that produced no result, and why. */
export interface ScanRowIssue {
  /** Index in the answer's `contracts` array. */
  readonly row: number;
  readonly symbol?: string;
  readonly conid?: number;
  readonly problem: string;
}

export type ScanRowOutcome =
  { readonly kind: 'result'; readonly result: ScanResult } | { readonly kind: 'skipped'; readonly issue: ScanRowIssue };

const contractRow = z.object({
  con_id: wholeNumber.nullish(),
  symbol: z.string(),
  company_name: z.string().nullish(),
  scan_data: z.string(),
});

/** Maps one entry of `contracts` to a ScanResult; the scanner tells no prices, so they stay unknown. */
export function mapScanRow(row: number, raw: unknown): ScanRowOutcome {
  const parsed = contractRow.safeParse(raw);
  const hints = hintsOf(raw);
  if (!parsed.success) return skipped(row, hints, describeIssues(parsed.error));
  const { symbol: code, company_name: companyName, scan_data: scanData } = parsed.data;
  const symbol = codeOf(code);
  if (symbol === undefined) return skipped(row, hints, `symbol "${code}" is not an ASX code`);
  const gapPct = percentOf(scanData);
  if (gapPct === undefined) return skipped(row, hints, `scan_data "${scanData}" is not a signed percentage`);
  const name = companyName?.trim();
  const result: ScanResult = {
    symbol,
    gapPct,
    source: IBKR_SCANNER_SOURCE,
    ...(name === undefined || name === '' ? {} : { companyName: name }),
  };
  return { kind: 'result', result };
}

function codeOf(text: string): AsxSymbol | undefined {
  try {
    return asxSymbol(text);
  } catch {
    return undefined;
  }
}

/** Symbol and conid as sent, whatever else is wrong with the row, so a warning can name it. */
function hintsOf(raw: unknown): Pick<ScanRowIssue, 'symbol' | 'conid'> {
  if (typeof raw !== 'object' || raw === null) return {};
  const { symbol, con_id: conid } = raw as { symbol?: unknown; con_id?: unknown };
  return {
    ...(typeof symbol === 'string' ? { symbol } : {}),
    ...(typeof conid === 'number' && Number.isSafeInteger(conid) ? { conid } : {}),
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length === 0 ? '(row)' : formatPath(issue.path)}: ${issue.message}`)
    .join('; ');
}

function skipped(row: number, hints: Pick<ScanRowIssue, 'symbol' | 'conid'>, problem: string): ScanRowOutcome {
  return { kind: 'skipped', issue: { row, ...hints, problem } };
}
