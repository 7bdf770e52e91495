import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sydneyLocalToEpoch } from '../../../src/domain/market/sydney-time.js';
import { localDate, type EpochMs } from '../../../src/domain/values/time.js';
import { LogFileError } from '../../../src/infrastructure/logging/log-file.error.js';
import {
  RotatingFileStream,
  type RotatingFileOptions,
} from '../../../src/infrastructure/logging/rotating-file.stream.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('rotate');

const logPath = () => join(tempDir(), 'logs', 'skim.log');
const open = (options: Partial<RotatingFileOptions> = {}) =>
  new RotatingFileStream({ path: logPath(), maxBytes: 100, keep: 5, daily: false, ...options });

/** `n` distinct lines of exactly `bytes` bytes each, newline included. */
const lines = (n: number, bytes: number): string[] =>
  Array.from({ length: n }, (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(bytes - 5)}\n`);

/** The log files in the log directory, oldest first: FILE.N ... FILE.1, FILE. */
function filesOldestFirst(path = logPath()): string[] {
  const dir = join(path, '..');
  const name = path.slice(dir.length + 1);
  const numbered = readdirSync(dir)
    .filter((file) => file.startsWith(`${name}.`))
    .map((file) => Number(file.slice(name.length + 1)))
    .sort((a, b) => b - a)
    .map((index) => `${path}.${index}`);
  return [...numbered, ...(existsSync(path) ? [path] : [])];
}

const contentOf = (files: readonly string[]): string => files.map((file) => readFileSync(file, 'utf8')).join('');

describe('RotatingFileStream by size', () => {
  it('starts a new file before a line would take the current one past the limit', () => {
    const stream = open({ maxBytes: 100 });
    const written = lines(7, 30);
    for (const line of written) stream.write(line);
    stream.end();
    const files = filesOldestFirst();
    expect(files.map((file) => file.slice(logPath().length))).toEqual(['.2', '.1', '']);
    expect(files.map((file) => statSync(file).size)).toEqual([90, 90, 30]);
    expect(contentOf(files)).toBe(written.join(''));
  });

  it('deletes the oldest files past the number to keep, keeping the newest lines in order', () => {
    const stream = open({ maxBytes: 60, keep: 2 });
    const written = lines(20, 30);
    for (const line of written) stream.write(line);
    stream.end();
    const files = filesOldestFirst();
    expect(files.map((file) => file.slice(logPath().length))).toEqual(['.2', '.1', '']);
    expect(contentOf(files)).toBe(written.slice(-6).join(''));
  });

  it('puts a line longer than the limit alone in a file instead of splitting it', () => {
    const stream = open({ maxBytes: 50 });
    const long = `${'y'.repeat(120)}\n`;
    stream.write('first\n');
    stream.write(long);
    stream.write('after\n');
    stream.end();
    expect(filesOldestFirst().map((file) => readFileSync(file, 'utf8'))).toEqual(['first\n', long, 'after\n']);
  });

  it('counts an existing file toward the limit and appends to it', () => {
    mkdirSync(join(tempDir(), 'logs'));
    writeFileSync(logPath(), 'x'.repeat(79) + '\n');
    const stream = open({ maxBytes: 100 });
    stream.write('a'.repeat(19) + '\n');
    stream.write('b\n');
    stream.end();
    expect(readFileSync(`${logPath()}.1`, 'utf8')).toBe(`${'x'.repeat(79)}\n${'a'.repeat(19)}\n`);
    expect(readFileSync(logPath(), 'utf8')).toBe('b\n');
  });

  it('measures the limit in bytes, not characters', () => {
    const stream = open({ maxBytes: 10 });
    stream.write('ééé\n');
    stream.write('ééé\n');
    stream.end();
    expect(filesOldestFirst().map((file) => statSync(file).size)).toEqual([7, 7]);
  });

  it('never rotates by size when the limit is 0', () => {
    const stream = open({ maxBytes: 0 });
    for (const line of lines(50, 100)) stream.write(line);
    stream.end();
    expect(filesOldestFirst()).toEqual([logPath()]);
    expect(statSync(logPath()).size).toBe(5000);
  });

  it('removes files left numbered past the number to keep, and nothing else', () => {
    const dir = join(tempDir(), 'logs');
    mkdirSync(dir);
    for (const name of ['skim.log.1', 'skim.log.3', 'skim.log.12', 'skim.log.bak', 'skim.log.3.gz', 'other.log.9']) {
      writeFileSync(join(dir, name), 'old\n');
    }
    open({ keep: 2 }).end();
    expect(readdirSync(dir).sort()).toEqual(['other.log.9', 'skim.log', 'skim.log.1', 'skim.log.3.gz', 'skim.log.bak']);
  });

  it('loses no line and splits none, whatever the lines and the limit', () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 120 }),
        (texts, maxBytes) => {
          const path = join(tempDir(), `run-${run++}`, 'skim.log');
          const written = texts.map((text) => `${text.replaceAll('\n', ' ')}\n`);
          const stream = new RotatingFileStream({ path, maxBytes, keep: 1000, daily: false });
          for (const line of written) stream.write(line);
          stream.end();
          const files = filesOldestFirst(path);
          expect(contentOf(files)).toBe(written.join(''));
          for (const file of files) {
            const content = readFileSync(file, 'utf8');
            expect(content.endsWith('\n')).toBe(true);
            const size = Buffer.byteLength(content);
            expect(size <= maxBytes || content.indexOf('\n') === content.length - 1).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('RotatingFileStream by day', () => {
  const at = (date: string, time: string): EpochMs => sydneyLocalToEpoch(localDate(date), time);

  it('starts a new file at Sydney midnight', () => {
    let now = at('2026-03-02', '23:59');
    const stream = open({ maxBytes: 0, daily: true, now: () => now });
    stream.write('monday\n');
    now = at('2026-03-03', '00:00');
    stream.write('tuesday\n');
    stream.write('tuesday again\n');
    stream.end();
    expect(readFileSync(`${logPath()}.1`, 'utf8')).toBe('monday\n');
    expect(readFileSync(logPath(), 'utf8')).toBe('tuesday\ntuesday again\n');
  });

  it('sets aside a file last written on an earlier day before the first line of today', () => {
    mkdirSync(join(tempDir(), 'logs'));
    writeFileSync(logPath(), 'yesterday\n');
    const yesterday = at('2026-03-02', '15:00');
    utimesSync(logPath(), yesterday / 1000, yesterday / 1000);
    const stream = open({ daily: true, now: () => at('2026-03-03', '09:00') });
    stream.write('today\n');
    stream.end();
    expect(readFileSync(`${logPath()}.1`, 'utf8')).toBe('yesterday\n');
    expect(readFileSync(logPath(), 'utf8')).toBe('today\n');
  });

  it('does not rotate an empty file, nor by day when daily rotation is off', () => {
    let now = at('2026-03-02', '10:00');
    const daily = open({ daily: true, now: () => now });
    now = at('2026-03-04', '10:00');
    daily.write('first\n');
    daily.end();
    expect(filesOldestFirst()).toEqual([logPath()]);
    const plain = open({ daily: false, now: () => now });
    now = at('2026-03-09', '10:00');
    plain.write('second\n');
    plain.end();
    expect(filesOldestFirst()).toEqual([logPath()]);
  });
});

describe('RotatingFileStream failures', () => {
  it('reports a file it cannot open once, naming it, and never throws into the logging call', () => {
    mkdirSync(logPath(), { recursive: true });
    const errors: LogFileError[] = [];
    const stream = open({ onError: (error) => errors.push(error) });
    expect(stream.write('lost\n')).toBe(true);
    expect(stream.write('lost too\n')).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(LogFileError);
    expect(errors[0]).toMatchObject({ path: logPath(), operation: 'open' });
    expect(errors[0]?.message).toContain(logPath());
  });
});
