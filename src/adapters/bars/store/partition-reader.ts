import type { BarSize } from '../../../domain/market/bar.js';
import type { AsxSymbol } from '../../../domain/values/instrument.js';
import { EMPTY_COLUMNS, type BarColumns } from './bar-columns.js';
import { dayColumns, fileBytes, findDay, type BarFile, type DayTable } from './bar-file.js';
import { readBarFile, readDayTable } from './bar-file-io.js';
import type { DayKey } from './day-key.js';
import { PartitionCache } from './partition-cache.js';
import { partitionId, partitionPath, periodOfKey, type Partition } from './partition.js';
import type { StoreIndex } from './store-index.js';

/** Day tables are tiny; a generous fixed budget keeps a whole market's worth of them. */
const DAY_TABLE_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Loads partition files on demand and keeps the recently used ones: whole files for reading bars, day tables
 * alone for knowing which days a file covers. Only partitions the index lists are opened.
 */
export class PartitionReader {
  private readonly files: PartitionCache<BarFile>;
  private readonly dayTables = new PartitionCache<DayTable>(DAY_TABLE_BUDGET_BYTES);

  constructor(
    private readonly root: string,
    private readonly index: () => StoreIndex,
    cacheBytes: number,
  ) {
    this.files = new PartitionCache(cacheBytes);
  }

  file(partition: Partition): BarFile | undefined {
    if (this.index().summary(partition) === undefined) return undefined;
    return this.files.get(
      partitionId(partition),
      () => readBarFile(partitionPath(this.root, partition), partition.size),
      (file) => fileBytes(file.columns.length, file.days.keys.length),
    );
  }

  dayTable(partition: Partition): DayTable | undefined {
    if (this.index().summary(partition) === undefined) return undefined;
    return this.dayTables.get(
      partitionId(partition),
      () => readDayTable(partitionPath(this.root, partition), partition.size),
      (table) => 8 * table.keys.length + 64,
    );
  }

  /** The bars of `size` for `symbol` on one day: views into the loaded file, empty when there are none. */
  dayBars(size: BarSize, symbol: AsxSymbol, key: DayKey): BarColumns {
    const file = this.file({ size, symbol, period: periodOfKey(size, key) });
    if (file === undefined) return EMPTY_COLUMNS;
    const day = findDay(file.days, key);
    return day < 0 ? EMPTY_COLUMNS : dayColumns(file, day);
  }

  /** Whether `symbol` has bars of `size` on the day, from the day table alone. */
  hasDay(size: BarSize, symbol: AsxSymbol, key: DayKey): boolean {
    const table = this.dayTable({ size, symbol, period: periodOfKey(size, key) });
    return table !== undefined && findDay(table, key) >= 0;
  }

  /** Drops cached copies of a partition a writer has just replaced. */
  forget(partition: Partition): void {
    this.files.forget(partitionId(partition));
    this.dayTables.forget(partitionId(partition));
  }
}
