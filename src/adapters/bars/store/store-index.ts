import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BarSize } from '../../../domain/market/bar.js';
import { asxSymbol, type AsxSymbol } from '../../../domain/values/instrument.js';
import { localDate, type LocalDate } from '../../../domain/values/time.js';
import { writeFileAtomically } from './bar-file-io.js';
import { BarStoreError } from './bar-store.error.js';
import type { Partition } from './partition.js';

/** What the index knows about one partition file without opening it. */
export interface PartitionSummary {
  readonly bars: number;
  readonly first: LocalDate;
  readonly last: LocalDate;
}

type Series = Record<string, Record<string, PartitionSummary>>;

const INDEX_FILE = 'index.json';
const FORMAT = 'skim-bars';
const VERSION = 1;

const dateText = z.string().transform((text, context) => {
  try {
    return localDate(text);
  } catch {
    context.addIssue({ code: 'custom', message: `not a date: ${text}` });
    return z.NEVER;
  }
});
const summarySchema = z.object({ bars: z.number().int().nonnegative(), first: dateText, last: dateText });
const symbolKey = z.string().regex(/^[A-Z0-9]{3,6}$/, 'not an ASX code');
const periodKey = z.string().regex(/^\d{4}(-\d{2})?$/, 'not a YYYY or YYYY-MM period');
const seriesSchema = z.record(symbolKey, z.record(periodKey, summarySchema));
const indexSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  series: z.object({ '1min': seriesSchema, '1d': seriesSchema }),
});

/**
 * The store's table of contents (index.json): per bar size, per symbol, per period, how many bars and which
 * dates. The bar files stay the truth; the index only saves listing directories and opening files.
 */
export class StoreIndex {
  private constructor(private readonly series: ReadonlyMap<BarSize, Map<string, Map<string, PartitionSummary>>>) {}

  static empty(): StoreIndex {
    return StoreIndex.of({ '1min': {}, '1d': {} });
  }

  /** Reads `root/index.json`; a store without one is empty. */
  static load(root: string): StoreIndex {
    const path = join(root, INDEX_FILE);
    if (!existsSync(path)) return StoreIndex.empty();
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new BarStoreError(path, `unreadable index: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = indexSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BarStoreError(path, `invalid index at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? '?'}`);
    }
    return StoreIndex.of(parsed.data.series);
  }

  private static of(series: Record<BarSize, Series>): StoreIndex {
    const bySize = (size: BarSize) =>
      new Map(Object.entries(series[size]).map(([symbol, periods]) => [symbol, new Map(Object.entries(periods))]));
    return new StoreIndex(
      new Map([
        ['1min', bySize('1min')],
        ['1d', bySize('1d')],
      ]),
    );
  }

  save(root: string): void {
    // Sorted keys keep the file the same whatever order the bars arrived in.
    const sorted = <T>(map: ReadonlyMap<string, T>): [string, T][] => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
    const json = (size: BarSize): Series =>
      Object.fromEntries(
        sorted(this.symbolsOf(size)).map(([symbol, periods]) => [symbol, Object.fromEntries(sorted(periods))]),
      );
    const document = { format: FORMAT, version: VERSION, series: { '1min': json('1min'), '1d': json('1d') } };
    writeFileAtomically(join(root, INDEX_FILE), new TextEncoder().encode(JSON.stringify(document)));
  }

  symbols(size: BarSize): AsxSymbol[] {
    return [...this.symbolsOf(size).keys()].sort().map((symbol) => asxSymbol(symbol));
  }

  /** The periods of a symbol, in order. */
  periods(size: BarSize, symbol: AsxSymbol): string[] {
    return [...(this.symbolsOf(size).get(symbol)?.keys() ?? [])].sort();
  }

  summary(partition: Partition): PartitionSummary | undefined {
    return this.symbolsOf(partition.size).get(partition.symbol)?.get(partition.period);
  }

  /** Records a partition's new summary; `undefined` removes it (an empty file is not kept). */
  update(partition: Partition, summary: PartitionSummary | undefined): void {
    const symbols = this.symbolsOf(partition.size);
    const periods = symbols.get(partition.symbol) ?? new Map<string, PartitionSummary>();
    if (summary === undefined) periods.delete(partition.period);
    else periods.set(partition.period, summary);
    if (periods.size === 0) symbols.delete(partition.symbol);
    else symbols.set(partition.symbol, periods);
  }

  private symbolsOf(size: BarSize): Map<string, Map<string, PartitionSummary>> {
    const symbols = this.series.get(size);
    if (symbols === undefined) throw new BarStoreError('(index)', `unknown bar size ${size}`);
    return symbols;
  }
}
