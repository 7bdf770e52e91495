import type { BarWriteSummary } from '../store/bar-writer.js';
import type { BarRowError } from './bar-import.error.js';
import type { BarFileFormat } from './bar-file-format.js';

export interface FileImportSummary {
  readonly file: string;
  readonly format: BarFileFormat | undefined;
  /** Data rows read (blank lines and the header not counted). */
  readonly rows: number;
  readonly imported: number;
  readonly skipped: number;
  /** Imported bars with at least one price moved to the nearest ASX tick. */
  readonly roundedBars: number;
}

export interface BarImportReport {
  readonly files: readonly FileImportSummary[];
  readonly rows: number;
  readonly imported: number;
  readonly skipped: number;
  readonly roundedBars: number;
  /** Bars that replaced a stored (or earlier imported) bar with the same symbol, size and start. */
  readonly replaced: number;
  /** The first messages about skipped rows, `file:line: field: why`. */
  readonly messages: readonly string[];
  /** Skipped rows beyond those in `messages`. */
  readonly unlistedMessages: number;
}

interface FileCounts {
  rows: number;
  imported: number;
  skipped: number;
  roundedBars: number;
}

/** Counts an import as it runs and keeps the first few row messages. */
export class ImportTally {
  private readonly files: FileImportSummary[] = [];
  private readonly messages: string[] = [];
  private unlisted = 0;
  private current: FileCounts = { rows: 0, imported: 0, skipped: 0, roundedBars: 0 };

  constructor(private readonly maxMessages: number) {}

  startFile(): void {
    this.current = { rows: 0, imported: 0, skipped: 0, roundedBars: 0 };
  }

  imported(rounded: boolean): void {
    this.current.rows += 1;
    this.current.imported += 1;
    if (rounded) this.current.roundedBars += 1;
  }

  skipped(error: BarRowError): void {
    this.current.rows += 1;
    this.current.skipped += 1;
    if (this.messages.length < this.maxMessages) this.messages.push(error.message);
    else this.unlisted += 1;
  }

  finishFile(file: string, format: BarFileFormat | undefined): void {
    this.files.push({ file, format, ...this.current });
  }

  report(written: BarWriteSummary): BarImportReport {
    const total = (key: keyof FileCounts): number => this.files.reduce((n, f) => n + f[key], 0);
    return {
      files: this.files,
      rows: total('rows'),
      imported: total('imported'),
      skipped: total('skipped'),
      roundedBars: total('roundedBars'),
      replaced: written.replaced,
      messages: this.messages,
      unlistedMessages: this.unlisted,
    };
  }
}
