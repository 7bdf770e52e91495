import { asxEodRow } from './asx-eod-csv.format.js';
import { BarRowError } from './bar-import.error.js';
import type { BarFileFormat } from './bar-file-format.js';
import { splitCsvLine } from './csv-line.js';
import { readLines } from './line-reader.js';
import type { RawBar } from './raw-bar.js';
import { looksLikeSkimHeader, parseSkimHeader, skimRow, type SkimHeader } from './skim-csv.format.js';

export interface CsvBars {
  /** The layout found (or forced): known once the first line has been read. */
  format(): BarFileFormat | undefined;
  rows(): AsyncGenerator<RawBar | BarRowError>;
}

/**
 * Reads a CSV bar file line by line. Unless `forced`, a first line naming `symbol` and `timestamp` makes it
 * Skim's layout and anything else the ASX end-of-day layout. Row problems are yielded, not thrown, so the
 * caller decides whether to stop.
 */
export function csvBars(file: string, forced?: 'skim-csv' | 'asx-eod-csv'): CsvBars {
  let format: BarFileFormat | undefined = forced;
  async function* rows(): AsyncGenerator<RawBar | BarRowError> {
    let header: SkimHeader | undefined;
    for await (const { line, text } of readLines(file)) {
      if (text.trim() === '') continue;
      const fields = splitCsvLine(text);
      if (fields === undefined) {
        yield new BarRowError(file, line, 'row', 'a quoted field does not close');
        continue;
      }
      if (format === undefined) format = looksLikeSkimHeader(fields) ? 'skim-csv' : 'asx-eod-csv';
      if (format === 'skim-csv' && header === undefined) {
        header = parseSkimHeader(file, line, fields);
        continue;
      }
      yield rowOf(file, line, fields, header);
    }
  }
  return { format: () => format, rows };
}

function rowOf(
  file: string,
  line: number,
  fields: readonly string[],
  header: SkimHeader | undefined,
): RawBar | BarRowError {
  try {
    return header === undefined ? asxEodRow(file, line, fields) : skimRow(file, line, header, fields);
  } catch (error) {
    if (error instanceof BarRowError) return error;
    throw error;
  }
}
