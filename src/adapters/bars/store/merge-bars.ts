import type { BarColumns } from './bar-columns.js';
import { ColumnBuilder } from './column-builder.js';

export interface MergedBars {
  readonly columns: BarColumns;
  /** Bars dropped because a later part had a bar with the same start. */
  readonly replaced: number;
}

/**
 * Joins parts in the order given (older data first), sorts by start and keeps one bar per start: the one from
 * the latest part, so re-importing a corrected file replaces what was stored.
 */
export function mergeBars(parts: readonly BarColumns[]): MergedBars {
  const all = new ColumnBuilder(
    Math.max(
      1,
      parts.reduce((n, part) => n + part.length, 0),
    ),
  );
  for (const part of parts) for (let i = 0; i < part.length; i += 1) all.copyFrom(part, i);
  const joined = all.columns();
  const order = Array.from({ length: joined.length }, (_, i) => i);
  // Ties on start keep their joined order, so the last of equal starts is the newest.
  order.sort((a, b) => (joined.start[a] ?? 0) - (joined.start[b] ?? 0) || a - b);
  const merged = new ColumnBuilder(Math.max(1, joined.length));
  let replaced = 0;
  for (let k = 0; k < order.length; k += 1) {
    const index = order[k] ?? 0;
    const next = order[k + 1];
    if (next !== undefined && joined.start[next] === joined.start[index]) {
      replaced += 1;
      continue;
    }
    merged.copyFrom(joined, index);
  }
  return { columns: merged.columns(), replaced };
}
