import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BarSize } from '../../../domain/market/bar.js';
import { BarStoreError } from './bar-store.error.js';
import { decodeBarFile, decodeDayTable, decodeHeader, HEADER_BYTES, type BarFile, type DayTable } from './bar-file.js';

/** Loads a whole bar file into memory of its own (8-byte aligned, as the Float64 columns need). */
export function readBarFile(path: string, size: BarSize): BarFile {
  return withFile(path, (fd) => {
    const buffer = new ArrayBuffer(fstatSync(fd).size);
    readFully(path, fd, new Uint8Array(buffer), 0);
    return decodeBarFile(path, size, buffer);
  });
}

/** Reads only the header and the day table: which days a file covers, without loading its bars. */
export function readDayTable(path: string, size: BarSize): DayTable {
  return withFile(path, (fd) => {
    const header = new Uint8Array(HEADER_BYTES);
    readFully(path, fd, header, 0);
    const { bars, days } = decodeHeader(path, size, new DataView(header.buffer));
    const table = new ArrayBuffer(8 * days);
    readFully(path, fd, new Uint8Array(table), HEADER_BYTES);
    return decodeDayTable(path, bars, table);
  });
}

/**
 * Writes `bytes` to a fresh temporary file next to `path`, flushes it and renames it over `path`, so that a
 * reader (or a crash) sees either the old file or the new one, never half of one.
 */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const staged = stageFile(path, bytes);
  try {
    renameSync(staged, path);
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  }
}

/**
 * The first half of an atomic write: the bytes, flushed, in a temporary file beside `path`. Renaming the
 * returned path over `path` publishes them; deleting it leaves `path` as it was.
 */
export function stageFile(path: string, bytes: Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  const staged = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(staged, 'wx');
    try {
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return staged;
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  }
}

function withFile<T>(path: string, use: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

function readFully(path: string, fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.byteLength) {
    const read = readSync(fd, into, done, into.byteLength - done, position + done);
    if (read === 0) break;
    done += read;
  }
  if (done < into.byteLength) throw new BarStoreError(path, `file ends after ${position + done} bytes`);
}
