import { z } from 'zod';
import type { ScanResult } from '../../../domain/market/scan-result.js';
import { UnexpectedResponse } from '../errors/unexpected-response.error.js';
import { parseResponse } from '../parse.js';
import { SCANNER_RUN_ENDPOINT } from './ibkr-scanner-names.js';
import { mapScanRow, type ScanRowIssue } from './ibkr-scan-row.js';

/** A scanner answer turned into scan results, with the rows that were left out and why. */
export interface IbkrScan {
  readonly results: ScanResult[];
  readonly issues: ScanRowIssue[];
  /** The heading IBKR gives `scan_data` ("Gap%", "Chg%"), when it sent one. */
  readonly columnName: string | undefined;
  readonly rowCount: number;
}

const envelope = z.object({
  error: z.string().optional(),
  contracts: z.array(z.unknown()).optional(),
  scan_data_column_name: z.string().nullish(),
});

const MAX_SNIPPET_CHARS = 200;

/**
 * Parses the raw body of `POST /iserver/scanner/run`, live or replayed. Anything but the documented envelope
 * is an UnexpectedResponse naming the field at fault; a bad row is skipped and reported, never fatal.
 */
export function parseIbkrScan(raw: string): IbkrScan {
  const body = parseResponse(SCANNER_RUN_ENDPOINT, envelope, parseJson(raw));
  if (body.error !== undefined) throw new UnexpectedResponse(SCANNER_RUN_ENDPOINT, 'error', body.error);
  if (body.contracts === undefined) throw new UnexpectedResponse(SCANNER_RUN_ENDPOINT, 'contracts', 'missing');
  const results: ScanResult[] = [];
  const issues: ScanRowIssue[] = [];
  body.contracts.forEach((row, index) => {
    const outcome = mapScanRow(index, row);
    if (outcome.kind === 'result') results.push(outcome.result);
    else issues.push(outcome.issue);
  });
  return {
    results,
    issues,
    columnName: body.scan_data_column_name ?? undefined,
    rowCount: body.contracts.length,
  };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') throw new UnexpectedResponse(SCANNER_RUN_ENDPOINT, '', 'empty body');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    const snippet = raw.length > MAX_SNIPPET_CHARS ? `${raw.slice(0, MAX_SNIPPET_CHARS)}…` : raw;
    throw new UnexpectedResponse(SCANNER_RUN_ENDPOINT, '', `not JSON: ${snippet}`);
  }
}
