import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sydneyDateOf, sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import { addDays, type EpochMs } from '../../domain/values/time.js';
import { LogFileError, type LogFileOperation } from './log-file.error.js';

/** When the log file is set aside for a new one, and how many old ones are kept. */
export interface LogFileRotation {
  /** Rotate before a line would take the file past this many bytes; 0: never by size. */
  readonly maxBytes: number;
  /** Rotated files kept: FILE.1 (the newest) to FILE.keep; at least 1. */
  readonly keep: number;
  /** Also rotate at Sydney midnight, so that each trading day starts a new file. */
  readonly daily: boolean;
}

export const NO_ROTATION: LogFileRotation = Object.freeze({ maxBytes: 0, keep: 1, daily: false });

export interface RotatingFileOptions extends LogFileRotation {
  readonly path: string;
  readonly now?: () => EpochMs;
  /** Told when opening, writing or rotating starts failing (once until it works again); failed lines are lost. */
  readonly onError?: (error: LogFileError) => void;
}

/**
 * A pino destination appending log lines to a file and rotating it logrotate-style: FILE becomes FILE.1,
 * FILE.1 becomes FILE.2 ... and files past `keep` are deleted. pino hands over one whole line per write and
 * rotation only happens between writes, so a line is never split across files. Writes are synchronous, like
 * the destination it replaces, so nothing logged is lost when the process stops.
 */
export class RotatingFileStream {
  private readonly path: string;
  private readonly rotation: LogFileRotation;
  private readonly now: () => EpochMs;
  private readonly onError: (error: LogFileError) => void;
  private fd: number | undefined;
  private size = 0;
  private dayEndsAt = Number.POSITIVE_INFINITY;
  /** Operations whose failure was reported and that have not succeeded since. */
  private readonly failing = new Set<LogFileOperation>();

  constructor(options: RotatingFileOptions) {
    this.path = options.path;
    this.rotation = { maxBytes: options.maxBytes, keep: Math.max(1, Math.floor(options.keep)), daily: options.daily };
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => undefined);
    mkdirSync(dirname(this.path), { recursive: true });
    this.openFile();
    this.pruneRotated();
  }

  write(line: string): boolean {
    const bytes = Buffer.from(line, 'utf8');
    if (this.rotationDue(bytes.length)) this.rotate();
    this.append(bytes);
    return true;
  }

  /** Closes the file; later writes reopen it. */
  end(): void {
    this.closeFile();
  }

  private rotationDue(incoming: number): boolean {
    const now = this.rotation.daily ? this.now() : 0;
    if (this.size === 0) {
      if (now >= this.dayEndsAt) this.dayEndsAt = nextSydneyMidnight(now);
      return false;
    }
    const tooBig = this.rotation.maxBytes > 0 && this.size + incoming > this.rotation.maxBytes;
    return tooBig || now >= this.dayEndsAt;
  }

  private rotate(): void {
    this.closeFile();
    try {
      for (let index = this.rotation.keep; index > 1; index--) {
        this.moveIfPresent(this.rotated(index - 1), this.rotated(index));
      }
      renameSync(this.path, this.rotated(1));
      this.pruneRotated();
      this.failing.delete('rotate');
    } catch (error) {
      // The current file stays in place and keeps growing rather than losing lines.
      this.report('rotate', error);
    }
    this.openFile();
  }

  private append(bytes: Buffer): void {
    if (this.fd === undefined) this.openFile();
    const fd = this.fd;
    if (fd === undefined) return;
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      this.size += bytes.length;
      this.failing.delete('write');
    } catch (error) {
      this.report('write', error);
    }
  }

  private openFile(): void {
    try {
      const fd = openSync(this.path, 'a');
      const stats = fstatSync(fd);
      this.fd = fd;
      this.size = stats.size;
      this.failing.delete('open');
      if (this.rotation.daily) this.dayEndsAt = nextSydneyMidnight(stats.size > 0 ? stats.mtimeMs : this.now());
    } catch (error) {
      this.report('open', error);
    }
  }

  private closeFile(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // A failed close leaves nothing to recover: the descriptor is gone either way.
    }
    this.fd = undefined;
  }

  /** Deletes rotated files numbered past `keep`, e.g. left over from a run that kept more. */
  private pruneRotated(): void {
    const prefix = `${basename(this.path)}.`;
    for (const name of readdirSync(dirname(this.path))) {
      const suffix = name.startsWith(prefix) ? name.slice(prefix.length) : '';
      if (/^\d+$/.test(suffix) && Number(suffix) > this.rotation.keep) unlinkSync(join(dirname(this.path), name));
    }
  }

  private moveIfPresent(from: string, to: string): void {
    if (existsSync(from)) renameSync(from, to);
  }

  private rotated(index: number): string {
    return `${this.path}.${index}`;
  }

  private report(operation: LogFileOperation, cause: unknown): void {
    if (this.failing.has(operation)) return;
    this.failing.add(operation);
    this.onError(new LogFileError(this.path, operation, cause));
  }
}

function nextSydneyMidnight(at: EpochMs): EpochMs {
  return sydneyLocalToEpoch(addDays(sydneyDateOf(at), 1), '00:00');
}
