import { appendFileSync, readFileSync } from 'node:fs';
import type { BarColumns } from './bar-columns.js';
import { ColumnBuilder } from './column-builder.js';

/**
 * Bars a writer has set aside on disk while an import is still running, so that a file of any length can be
 * imported in bounded memory. Records are 32 bytes: start and volume as f64, open, high, low, close as i32.
 */
const RECORD_BYTES = 32;

export function appendSpill(path: string, columns: BarColumns): void {
  const bytes = new ArrayBuffer(columns.length * RECORD_BYTES);
  const view = new DataView(bytes);
  for (let i = 0; i < columns.length; i += 1) {
    const at = i * RECORD_BYTES;
    view.setFloat64(at, columns.start[i] ?? 0, true);
    view.setFloat64(at + 8, columns.volume[i] ?? 0, true);
    view.setInt32(at + 16, columns.open[i] ?? 0, true);
    view.setInt32(at + 20, columns.high[i] ?? 0, true);
    view.setInt32(at + 24, columns.low[i] ?? 0, true);
    view.setInt32(at + 28, columns.close[i] ?? 0, true);
  }
  appendFileSync(path, new Uint8Array(bytes));
}

export function readSpill(path: string): BarColumns {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.floor(bytes.byteLength / RECORD_BYTES);
  const builder = new ColumnBuilder(count);
  for (let i = 0; i < count; i += 1) {
    const at = i * RECORD_BYTES;
    builder.push(
      view.getFloat64(at, true),
      view.getInt32(at + 16, true),
      view.getInt32(at + 20, true),
      view.getInt32(at + 24, true),
      view.getInt32(at + 28, true),
      view.getFloat64(at + 8, true),
    );
  }
  return builder.columns();
}
