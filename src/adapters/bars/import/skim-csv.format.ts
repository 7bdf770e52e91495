import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { BarFileError, BarRowError } from './bar-import.error.js';
import type { RawBar } from './raw-bar.js';
import { parseSkimTimestamp } from './skim-timestamp.js';

/**
 * Skim's own CSV layout. The first line is a header naming at least these columns, in any order (others are
 * ignored): `symbol,timestamp,open,high,low,close,volume`. Prices are decimal dollars, volume is shares, and the
 * timestamp is described in skim-timestamp.ts. Example:
 *
 *   symbol,timestamp,open,high,low,close,volume
 *   BHP,2024-03-01 10:00,45.20,45.31,45.18,45.30,120345
 *   BHP,2024-03-01,45.20,46.00,44.90,45.80,9876543
 */
export const SKIM_COLUMNS = ['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

type SkimColumn = (typeof SKIM_COLUMNS)[number];
export type SkimHeader = Readonly<Record<SkimColumn, number>> & { readonly width: number };

/** Whether a first line looks like Skim's header rather than data. */
export function looksLikeSkimHeader(fields: readonly string[]): boolean {
  const names = fields.map((field) => field.toLowerCase());
  return names.includes('symbol') && names.includes('timestamp');
}

export function parseSkimHeader(file: string, line: number, fields: readonly string[]): SkimHeader {
  const names = fields.map((field) => field.toLowerCase());
  const missing = SKIM_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new BarFileError(
      file,
      `header lacks column(s) ${missing.join(', ')}; expected ${SKIM_COLUMNS.join(',')}`,
      line,
    );
  }
  const position = (column: SkimColumn): number => names.indexOf(column);
  return {
    symbol: position('symbol'),
    timestamp: position('timestamp'),
    open: position('open'),
    high: position('high'),
    low: position('low'),
    close: position('close'),
    volume: position('volume'),
    width: fields.length,
  };
}

export function skimRow(file: string, line: number, header: SkimHeader, fields: readonly string[]): RawBar {
  // Empty fields past the header's width (a trailing comma) are harmless; a value there means a shifted row,
  // such as a price written with a decimal comma.
  const valuesBeyond = fields.slice(header.width).some((text) => text.trim() !== '');
  if (fields.length < header.width || valuesBeyond) {
    throw new BarRowError(
      file,
      line,
      'row',
      `expected ${header.width} fields as in the header, found ${fields.length}`,
    );
  }
  const value = (column: SkimColumn) => ({ name: column, text: fields[header[column]] ?? '' });
  const time = value('timestamp');
  let parsed;
  try {
    parsed = parseSkimTimestamp(time.text);
  } catch (error) {
    if (error instanceof InvalidValue) throw new BarRowError(file, line, time.name, `${time.text}: ${error.why}`);
    throw error;
  }
  return {
    line,
    symbol: value('symbol'),
    time,
    ...parsed,
    open: value('open'),
    high: value('high'),
    low: value('low'),
    close: value('close'),
    volume: value('volume'),
    volumeFactor: 1,
  };
}
