import type { BarSize } from '../../../domain/market/bar.js';
import type { BarStore } from '../store/bar-store.js';
import { BarStoreError } from '../store/bar-store.error.js';
import type { BarWriter, BarWriterOptions } from '../store/bar-writer.js';
import { BarRowError } from './bar-import.error.js';
import { isJsonFile, type BarFileFormat } from './bar-file-format.js';
import { toImportedBar } from './bar-row.js';
import { csvBars } from './csv-bars.js';
import { ibkrHistoryBars } from './ibkr-history.format.js';
import { ImportTally, type BarImportReport } from './import-tally.js';
import type { RawBar } from './raw-bar.js';

export interface BarImportOptions {
  /** Stop at the first bad row (its error names file:line:field) instead of skipping it. */
  readonly strict?: boolean;
  /** Force a layout instead of detecting it (JSON → IBKR; CSV → by its first line). */
  readonly format?: BarFileFormat;
  /** The instrument of IBKR history files that do not name it. */
  readonly symbol?: string;
  /** The bar size of IBKR history files without `barLength`. */
  readonly size?: BarSize;
  /** How many skipped-row messages the report lists (default 20). */
  readonly maxMessages?: number;
  readonly writer?: BarWriterOptions;
}

interface Source {
  format(): BarFileFormat | undefined;
  rows(): AsyncGenerator<RawBar | BarRowError>;
}

const DEFAULT_MAX_MESSAGES = 20;

/**
 * Imports bar files into the store as one unit. Each file is streamed row by row; bad rows are skipped and
 * reported, or with `strict` the first one aborts the import. Nothing reaches the store until every file has
 * been read, and an aborted import leaves what was stored as it was.
 */
export async function importBarFiles(
  store: BarStore,
  files: readonly string[],
  options: BarImportOptions = {},
): Promise<BarImportReport> {
  const writer = store.writer(options.writer);
  const tally = new ImportTally(options.maxMessages ?? DEFAULT_MAX_MESSAGES);
  try {
    for (const file of files) await importFile(file, writer, tally, options);
    return tally.report(writer.commit());
  } catch (error) {
    writer.abort();
    throw error;
  }
}

async function importFile(
  file: string,
  writer: BarWriter,
  tally: ImportTally,
  options: BarImportOptions,
): Promise<void> {
  const source = sourceOf(file, options);
  tally.startFile();
  for await (const row of source.rows()) {
    try {
      if (row instanceof BarRowError) throw row;
      const imported = toImportedBar(file, row);
      addToStore(writer, file, row, imported);
      tally.imported(imported.rounded);
    } catch (error) {
      if (!(error instanceof BarRowError) || options.strict === true) throw error;
      tally.skipped(error);
    }
  }
  tally.finishFile(file, source.format());
}

function addToStore(writer: BarWriter, file: string, row: RawBar, imported: ReturnType<typeof toImportedBar>): void {
  try {
    writer.add(imported.symbol, imported.size, imported.bar);
  } catch (error) {
    if (error instanceof BarStoreError) throw new BarRowError(file, row.line, 'row', error.why);
    throw error;
  }
}

function sourceOf(file: string, options: BarImportOptions): Source {
  const format = options.format ?? (isJsonFile(file) ? 'ibkr-json' : undefined);
  if (format === 'ibkr-json') {
    const history = { symbol: options.symbol, size: options.size };
    return { format: () => format, rows: () => ibkrHistoryBars(file, history) };
  }
  return csvBars(file, format);
}
