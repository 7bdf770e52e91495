import { endianness } from 'node:os';
import type { BarSize } from '../../../domain/market/bar.js';
import { sliceColumns, type BarColumns } from './bar-columns.js';
import { BarStoreError } from './bar-store.error.js';
import { sydneyDayKey, type DayKey } from './day-key.js';

/**
 * The binary bar file, little-endian:
 *
 *   0  "SKIMBARS"                       8 bytes
 *   8  version (1)                      u16
 *  10  bar size (1 = 1min, 2 = 1d)      u16
 *  12  bar count n                      u32
 *  16  day count d                      u32
 *  20  reserved (zeros)                 12 bytes
 *  32  day keys (yyyymmdd, ascending)   i32 x d
 *      index of each day's first bar    u32 x d
 *      start (epoch ms)                 f64 x n
 *      volume (shares)                  f64 x n
 *      open, high, low, close (mills)   i32 x n each
 *
 * Columns rather than records, so each one maps onto a typed array over the loaded bytes; the header and the
 * day table are multiples of 8 bytes, which keeps the Float64 columns aligned.
 */
export interface BarFile {
  readonly size: BarSize;
  readonly days: DayTable;
  readonly columns: BarColumns;
}

export interface DayTable {
  readonly keys: Int32Array;
  readonly firsts: Uint32Array;
  /** Total bars in the file, so that the last day ends somewhere. */
  readonly bars: number;
}

const MAGIC = 'SKIMBARS';
const VERSION = 1;
export const HEADER_BYTES = 32;
const SIZE_CODES: Readonly<Record<BarSize, number>> = { '1min': 1, '1d': 2 };

function requireLittleEndian(): void {
  if (endianness() !== 'LE') throw new BarStoreError('(host)', 'bar files are little-endian; this host is not');
}

export function fileBytes(bars: number, days: number): number {
  return HEADER_BYTES + 8 * days + 32 * bars;
}

/** Encodes bars already sorted by start, one per start, all inside one partition. */
export function encodeBarFile(size: BarSize, columns: BarColumns): Uint8Array {
  requireLittleEndian();
  const n = columns.length;
  const { keys, firsts } = dayTableOf(columns);
  const d = keys.length;
  const buffer = new ArrayBuffer(fileBytes(n, d));
  const header = new DataView(buffer);
  for (let i = 0; i < MAGIC.length; i += 1) header.setUint8(i, MAGIC.charCodeAt(i));
  header.setUint16(8, VERSION, true);
  header.setUint16(10, SIZE_CODES[size], true);
  header.setUint32(12, n, true);
  header.setUint32(16, d, true);
  const layout = columnLayout(buffer, n, d);
  layout.keys.set(keys);
  layout.firsts.set(firsts);
  layout.columns.start.set(columns.start);
  layout.columns.volume.set(columns.volume);
  layout.columns.open.set(columns.open);
  layout.columns.high.set(columns.high);
  layout.columns.low.set(columns.low);
  layout.columns.close.set(columns.close);
  return new Uint8Array(buffer);
}

/** Decodes a whole file held in `buffer` (which must start at an 8-byte boundary). */
export function decodeBarFile(path: string, size: BarSize, buffer: ArrayBuffer): BarFile {
  const { bars, days } = decodeHeader(path, size, new DataView(buffer, 0, Math.min(buffer.byteLength, HEADER_BYTES)));
  if (buffer.byteLength !== fileBytes(bars, days)) {
    throw new BarStoreError(path, `file is ${buffer.byteLength} bytes, its header promises ${fileBytes(bars, days)}`);
  }
  const layout = columnLayout(buffer, bars, days);
  const table = { keys: layout.keys, firsts: layout.firsts, bars };
  checkDayTable(path, table);
  return { size, days: table, columns: layout.columns };
}

/** Reads the bar and day counts from the first HEADER_BYTES of a file. */
export function decodeHeader(path: string, size: BarSize, header: DataView): { bars: number; days: number } {
  requireLittleEndian();
  if (header.byteLength < HEADER_BYTES) throw new BarStoreError(path, 'file is shorter than its header');
  const magic = String.fromCharCode(...Array.from({ length: MAGIC.length }, (_, i) => header.getUint8(i)));
  if (magic !== MAGIC) throw new BarStoreError(path, 'not a Skim bar file');
  const version = header.getUint16(8, true);
  if (version !== VERSION) throw new BarStoreError(path, `bar file version ${version}; this Skim reads ${VERSION}`);
  const sizeCode = header.getUint16(10, true);
  if (sizeCode !== SIZE_CODES[size]) throw new BarStoreError(path, `holds bar size code ${sizeCode}, not ${size}`);
  return { bars: header.getUint32(12, true), days: header.getUint32(16, true) };
}

/** Decodes the day table that follows the header (`bytes` holds exactly the 8 x days bytes). */
export function decodeDayTable(path: string, bars: number, bytes: ArrayBuffer): DayTable {
  const days = bytes.byteLength / 8;
  const table = { keys: new Int32Array(bytes, 0, days), firsts: new Uint32Array(bytes, 4 * days, days), bars };
  checkDayTable(path, table);
  return table;
}

/** The bars of day `index` of the table. */
export function dayColumns(file: BarFile, index: number): BarColumns {
  const from = file.days.firsts[index] ?? 0;
  const to = file.days.firsts[index + 1] ?? file.days.bars;
  return sliceColumns(file.columns, from, to);
}

/** Position of `key` in a day table, or -1. */
export function findDay(table: DayTable, key: DayKey): number {
  let low = 0;
  let high = table.keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = table.keys[middle] ?? 0;
    if (found === key) return middle;
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function dayTableOf(columns: BarColumns): { keys: DayKey[]; firsts: number[] } {
  const keys: DayKey[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < columns.length; i += 1) {
    const key = sydneyDayKey(columns.start[i] ?? 0);
    if (key !== keys[keys.length - 1]) {
      keys.push(key);
      firsts.push(i);
    }
  }
  return { keys, firsts };
}

function columnLayout(buffer: ArrayBuffer, bars: number, days: number) {
  let offset = HEADER_BYTES;
  const take = <T>(make: (at: number) => T, bytes: number): T => {
    const array = make(offset);
    offset += bytes;
    return array;
  };
  const keys = take((at) => new Int32Array(buffer, at, days), 4 * days);
  const firsts = take((at) => new Uint32Array(buffer, at, days), 4 * days);
  const start = take((at) => new Float64Array(buffer, at, bars), 8 * bars);
  const volume = take((at) => new Float64Array(buffer, at, bars), 8 * bars);
  const open = take((at) => new Int32Array(buffer, at, bars), 4 * bars);
  const high = take((at) => new Int32Array(buffer, at, bars), 4 * bars);
  const low = take((at) => new Int32Array(buffer, at, bars), 4 * bars);
  const close = take((at) => new Int32Array(buffer, at, bars), 4 * bars);
  return { keys, firsts, columns: { length: bars, start, volume, open, high, low, close } };
}

function checkDayTable(path: string, table: DayTable): void {
  let previousKey = -1;
  let previousFirst = -1;
  for (let i = 0; i < table.keys.length; i += 1) {
    const key = table.keys[i] ?? 0;
    const first = table.firsts[i] ?? 0;
    const misplaced = i === 0 ? first !== 0 : first <= previousFirst;
    if (key <= previousKey || misplaced || first >= table.bars) {
      throw new BarStoreError(path, `day table entry ${i} (${key} at bar ${first}) is out of order`);
    }
    previousKey = key;
    previousFirst = first;
  }
  if (table.bars > 0 && table.keys.length === 0) throw new BarStoreError(path, 'bars without a day table');
}
