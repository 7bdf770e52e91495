import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Bar, BarSize } from '../../../domain/market/bar.js';
import type { AsxSymbol } from '../../../domain/values/instrument.js';
import { EMPTY_COLUMNS, type BarColumns } from './bar-columns.js';
import { encodeBarFile } from './bar-file.js';
import { readBarFile, stageFile } from './bar-file-io.js';
import { BarStoreError } from './bar-store.error.js';
import { ColumnBuilder } from './column-builder.js';
import { dateOfKey, sydneyDayKey } from './day-key.js';
import { mergeBars } from './merge-bars.js';
import { partitionId, partitionPath, periodOfKey, type Partition } from './partition.js';
import { appendSpill, readSpill } from './spill-file.js';
import { StoreIndex, type PartitionSummary } from './store-index.js';

export interface BarWriterOptions {
  /** Bars held in memory before they are set aside on disk; bounds memory on huge imports. */
  readonly spillAfterBars?: number;
}

export interface BarWriteSummary {
  /** Bars added through this writer. */
  readonly added: number;
  /** Stored or added bars superseded by a later bar with the same symbol, size and start. */
  readonly replaced: number;
  /** Partition files written. */
  readonly partitions: number;
}

/** Called after a commit with the partitions rewritten and the index now on disk. */
export type CommitListener = (partitions: readonly Partition[], index: StoreIndex) => void;

const DEFAULT_SPILL_AFTER_BARS = 2_000_000;
const MAX_INT32 = 2_147_483_647;
const MINUTE_MS = 60_000;

interface Pending {
  readonly partition: Partition;
  readonly buffer: ColumnBuilder;
  spilled: boolean;
}

/**
 * Adds bars to a store as one unit: nothing is visible until `commit`, which merges each touched partition
 * with what is stored (a bar with the same start replaces the stored one), stages every new file, then renames
 * them into place and rewrites the index. `abort` (or a failure before the renames) leaves the store untouched.
 */
export class BarWriter {
  private readonly pending = new Map<string, Pending>();
  private readonly spillDir: string;
  private readonly spillAfter: number;
  private buffered = 0;
  private added = 0;
  private finished = false;

  constructor(
    private readonly root: string,
    private readonly onCommit: CommitListener,
    options: BarWriterOptions = {},
  ) {
    this.spillAfter = options.spillAfterBars ?? DEFAULT_SPILL_AFTER_BARS;
    this.spillDir = join(root, `.writer-${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  add(symbol: AsxSymbol, size: BarSize, bar: Bar): void {
    this.requireOpen();
    this.check(symbol, size, bar);
    const partition: Partition = { size, symbol, period: periodOfKey(size, sydneyDayKey(bar.start)) };
    const id = partitionId(partition);
    let pending = this.pending.get(id);
    if (pending === undefined) {
      pending = { partition, buffer: new ColumnBuilder(), spilled: false };
      this.pending.set(id, pending);
    }
    pending.buffer.add(bar);
    this.added += 1;
    this.buffered += 1;
    if (this.buffered >= this.spillAfter) this.spill();
  }

  commit(): BarWriteSummary {
    this.requireOpen();
    this.finished = true;
    const staged: { readonly from: string; readonly to: string }[] = [];
    try {
      const index = StoreIndex.load(this.root);
      let replaced = 0;
      for (const pending of this.pending.values()) {
        const path = partitionPath(this.root, pending.partition);
        const merged = mergeBars([
          this.stored(path, pending.partition),
          this.spilled(pending),
          pending.buffer.columns(),
        ]);
        replaced += merged.replaced;
        staged.push({ from: stageFile(path, encodeBarFile(pending.partition.size, merged.columns)), to: path });
        index.update(pending.partition, summaryOf(merged.columns));
      }
      for (let file = staged[0]; file !== undefined; file = staged[0]) {
        renameSync(file.from, file.to);
        staged.shift();
      }
      index.save(this.root);
      this.onCommit(
        [...this.pending.values()].map((p) => p.partition),
        index,
      );
      return { added: this.added, replaced, partitions: this.pending.size };
    } finally {
      for (const file of staged) rmSync(file.from, { force: true });
      this.cleanUp();
    }
  }

  abort(): void {
    if (this.finished) return;
    this.finished = true;
    this.cleanUp();
  }

  private stored(path: string, partition: Partition): BarColumns {
    return existsSync(path) ? readBarFile(path, partition.size).columns : EMPTY_COLUMNS;
  }

  private spilled(pending: Pending): BarColumns {
    return pending.spilled ? readSpill(this.spillPath(pending.partition)) : EMPTY_COLUMNS;
  }

  private spill(): void {
    mkdirSync(this.spillDir, { recursive: true });
    for (const pending of this.pending.values()) {
      if (pending.buffer.length === 0) continue;
      appendSpill(this.spillPath(pending.partition), pending.buffer.columns());
      pending.buffer.clear();
      pending.spilled = true;
    }
    this.buffered = 0;
  }

  private spillPath(partition: Partition): string {
    return join(this.spillDir, `${partition.size}-${partition.symbol}-${partition.period}.spill`);
  }

  private cleanUp(): void {
    this.pending.clear();
    rmSync(this.spillDir, { recursive: true, force: true });
  }

  private requireOpen(): void {
    if (this.finished) throw new BarStoreError(this.root, 'this writer has already been committed or aborted');
  }

  /** The file format's limits: prices must fit an Int32 of mills, volumes and starts must be whole numbers. */
  private check(symbol: AsxSymbol, size: BarSize, bar: Bar): void {
    const problem = barProblem(size, bar);
    if (problem !== undefined) {
      throw new BarStoreError(this.root, `${symbol} ${size} bar at ${bar.start}: ${problem}`);
    }
  }
}

function barProblem(size: BarSize, bar: Bar): string | undefined {
  if (!Number.isSafeInteger(bar.start)) return 'start is not a whole number of milliseconds';
  if (size === '1min' && bar.start % MINUTE_MS !== 0) return 'a minute bar must start on a whole minute';
  for (const [field, value] of [
    ['open', bar.open],
    ['high', bar.high],
    ['low', bar.low],
    ['close', bar.close],
  ] as const) {
    if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_INT32) return `${field} ${value} is not storable`;
  }
  if (bar.low > Math.min(bar.open, bar.close) || bar.high < Math.max(bar.open, bar.close)) {
    return 'open and close must lie between low and high';
  }
  if (!Number.isSafeInteger(bar.volume) || bar.volume < 0) return `volume ${bar.volume} is not a share count`;
  return undefined;
}

function summaryOf(columns: BarColumns): PartitionSummary | undefined {
  if (columns.length === 0) return undefined;
  return {
    bars: columns.length,
    first: dateOfKey(sydneyDayKey(columns.start[0] ?? 0)),
    last: dateOfKey(sydneyDayKey(columns.start[columns.length - 1] ?? 0)),
  };
}
