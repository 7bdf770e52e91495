import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BarFileError, BarRowError } from '../../../src/adapters/bars/import/bar-import.error.js';
import { importBarFiles, type BarImportOptions } from '../../../src/adapters/bars/import/bar-import.js';
import type { BarImportReport } from '../../../src/adapters/bars/import/import-tally.js';
import { barsOf } from '../../../src/adapters/bars/store/bar-columns.js';
import { BarStore } from '../../../src/adapters/bars/store/bar-store.js';
import type { Bar, BarSize } from '../../../src/domain/market/bar.js';
import { isOnTick } from '../../../src/domain/values/tick-size.js';
import {
  asxEodTable,
  asxEodText,
  csvStyleArb,
  ibkrText,
  jsonFileArb,
  sampleRowsArb,
  seriesOf,
  skimLayoutArb,
  skimTable,
  skimText,
} from './bar-fuzz-samples.js';
import {
  csvMutation,
  jsonMutation,
  mutateCsv,
  mutateJson,
  randomCsv,
  randomHistoryBody,
  type Expected,
} from './bar-fuzz-inputs.js';

const SIZES: readonly BarSize[] = ['1min', '1d'];
const CSV_FIELD = /^(row|symbol|timestamp|open|high|low|close|volume|code|date)$/;
const JSON_FIELD = /^(row|symbol|data\[\d+\](\.[ohlcvt])?)$/;
const RUNS = 200;

interface Run {
  readonly file: string;
  readonly json: boolean;
  /** Lines the importer can see: CSV breaks at \n, \r\n and a lone \r (as readline does), JSON only at \n. */
  readonly lines: number;
  readonly store: BarStore;
}

/**
 * Each run imports into a fresh store, and the store fsyncs every file it commits: on a RAM-backed directory
 * that costs nothing, which keeps a few thousand runs within seconds.
 */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
let scratch: string | undefined;
let runs = 0;

beforeEach(() => {
  scratch = mkdtempSync(join(SCRATCH, 'skim-bar-import-fuzz-'));
});
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function writeRun(content: string | Uint8Array, json: boolean): Run {
  if (scratch === undefined) throw new Error('writeRun: only inside a test');
  runs += 1;
  const dir = join(scratch, `run-${runs}`);
  mkdirSync(dir);
  const file = join(dir, json ? 'history.json' : 'bars.csv');
  writeFileSync(file, content);
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const lines = (json ? text.split('\n') : text.split(/\r\n|\r|\n/)).length;
  return { file, json, lines, store: BarStore.open(join(dir, 'store')) };
}

type Outcome = BarImportReport | BarFileError | BarRowError;

/** Imports, and lets anything other than the importer's own errors fail the property. */
async function importOutcome(run: Run, options: BarImportOptions = {}): Promise<Outcome> {
  try {
    return await importBarFiles(run.store, [run.file], options);
  } catch (error) {
    if (error instanceof BarFileError || error instanceof BarRowError) return error;
    throw error;
  }
}

function expectLine(run: Run, line: number): void {
  expect(Number.isInteger(line) && line >= 1 && line <= run.lines, `line ${line} of ${run.lines}`).toBe(true);
}

/** "file:line: field: why" of a skipped row, checked against the file, and split into line and field. */
function parseMessage(run: Run, message: string): { line: number; field: string } {
  expect(message.startsWith(`${run.file}:`), message).toBe(true);
  const [, line = '', field = ''] = /^(\d+): ([^:]+): ./.exec(message.slice(run.file.length + 1)) ?? [];
  expect(field).toMatch(run.json ? JSON_FIELD : CSV_FIELD);
  expectLine(run, Number(line));
  return { line: Number(line), field };
}

function checkError(run: Run, error: BarFileError | BarRowError, strict: boolean): void {
  if (error instanceof BarRowError) {
    expect(strict, 'a row error escaped a lenient import').toBe(true);
    expect(parseMessage(run, error.message)).toEqual({ line: error.line, field: error.field });
    return;
  }
  if (error.line === undefined) {
    expect(run.json && error.why.startsWith('no "data" array'), error.message).toBe(true);
    expect(error.message).toBe(`${run.file}: ${error.why}`);
    return;
  }
  expectLine(run, error.line);
  expect(error.message).toBe(`${run.file}:${error.line}: ${error.why}`);
}

interface StoredSeries {
  readonly size: BarSize;
  readonly bars: Bar[];
  /** Daily bars the store built from minute bars rather than holds. */
  readonly derived: number;
  readonly indexed: number;
}

/** Everything the store holds, by "size symbol", read back through its public queries. */
function storedSeries(store: BarStore): Map<string, StoredSeries> {
  const series = new Map<string, StoredSeries>();
  for (const size of SIZES) {
    for (const symbol of store.symbols(size)) {
      const range = store.range(size, symbol);
      if (range === undefined) continue;
      if (size === '1d') {
        const daily = store.dailyBars(symbol, range.first, range.last);
        series.set(`1d ${symbol}`, {
          size,
          bars: barsOf(daily),
          derived: daily.derivedFromMinutes,
          indexed: range.bars,
        });
      } else {
        const bars = [...store.days(range.first, range.last)].flatMap((day) => barsOf(day.minuteBars(symbol)));
        series.set(`1min ${symbol}`, { size, bars, derived: 0, indexed: range.bars });
      }
    }
  }
  return series;
}

function expectSaneBars(size: BarSize, bars: readonly Bar[]): void {
  bars.forEach((bar, i) => {
    expect([bar.open, bar.high, bar.low, bar.close].every(isOnTick), `prices on ticks: ${JSON.stringify(bar)}`).toBe(
      true,
    );
    expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
    expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
    expect(Number.isSafeInteger(bar.volume) && bar.volume >= 0, `volume ${bar.volume}`).toBe(true);
    expect(Number.isSafeInteger(bar.start), `start ${bar.start}`).toBe(true);
    if (size === '1min') expect(bar.start % 60_000).toBe(0);
    if (i > 0) expect(bar.start).toBeGreaterThan(bars[i - 1]?.start ?? -Infinity);
  });
}

function checkReport(run: Run, report: BarImportReport): void {
  expect(report.rows).toBe(report.imported + report.skipped);
  expect(report.messages.length + report.unlistedMessages).toBe(report.skipped);
  for (const message of report.messages) parseMessage(run, message);
  let stored = 0;
  for (const series of storedSeries(run.store).values()) {
    expectSaneBars(series.size, series.bars);
    expect(series.bars.length - series.derived).toBe(series.indexed);
    stored += series.indexed;
  }
  expect(stored).toBe(report.imported - report.replaced);
}

async function checkAnyInput(run: Run, options: BarImportOptions = {}): Promise<void> {
  const outcome = await importOutcome(run, options);
  if (outcome instanceof BarFileError || outcome instanceof BarRowError) {
    checkError(run, outcome, options.strict === true);
  } else {
    checkReport(run, outcome);
  }
}

const oneIn = (n: number): fc.Arbitrary<boolean> => fc.nat({ max: n - 1 }).map((dice) => dice === 0);

describe('bar importers on arbitrary input', () => {
  const csvFormat = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    fc.constantFrom('skim-csv' as const, 'asx-eod-csv' as const),
  );

  it('CSV: any text gives sane bars or a typed error naming the line', async () => {
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), {
      arbitrary: randomCsv,
      weight: 4,
    });
    await fc.assert(
      fc.asyncProperty(text, csvFormat, oneIn(4), async (content, format, strict) => {
        await checkAnyInput(writeRun(content, false), { format, strict });
      }),
      { numRuns: 300 },
    );
  });

  it('any bytes, read as CSV or JSON, give sane bars or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.boolean(), async (bytes, json) => {
        await checkAnyInput(writeRun(bytes, json));
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON: any JSON value or text gives sane bars or a typed error naming the line', async () => {
    const text = fc.oneof(
      fc.tuple(fc.jsonValue(), fc.constantFrom(0, 2)).map(([value, indent]) => JSON.stringify(value, null, indent)),
      fc.string({ maxLength: 120 }),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), async (content, strict) => {
        await checkAnyInput(writeRun(content, true), { strict });
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON: the history envelope around arbitrary members gives sane bars or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(randomHistoryBody, oneIn(4), async (body, strict) => {
        await checkAnyInput(writeRun(body, true), { strict });
      }),
      { numRuns: RUNS },
    );
  });
});

function storedBars(store: BarStore): Record<string, Bar[]> {
  return Object.fromEntries([...storedSeries(store)].map(([key, series]) => [key, series.bars]));
}

/**
 * Imports a valid file: with `strict` it must go in whole. Changed in one place, a lenient import must skip just
 * that row, naming its line and field, and a strict one must stop there with the same message.
 */
async function expectImport(run: Run, expected: Expected): Promise<void> {
  if (expected.kind === 'kept') {
    const report = await importBarFiles(run.store, [run.file], { strict: true });
    const rows = expected.rows.length + expected.replaced;
    expect(report).toMatchObject({ rows, imported: rows, skipped: 0, roundedBars: 0, replaced: expected.replaced });
    expect(storedBars(run.store)).toEqual(seriesOf(expected.rows));
    return;
  }
  const report = await importBarFiles(run.store, [run.file]);
  expect(report).toMatchObject({ rows: expected.rows.length + 1, skipped: 1, roundedBars: 0, replaced: 0 });
  expect(storedBars(run.store)).toEqual(seriesOf(expected.rows));
  const [message = ''] = report.messages;
  const named = parseMessage(run, message);
  expect(named.line).toBe(expected.line);
  expect(named.field).toMatch(expected.field);
  const strict = await importBarFiles(run.store, [run.file], { strict: true }).then(
    (outcome) => outcome,
    (error: unknown) => error,
  );
  expect(strict).toBeInstanceOf(BarRowError);
  expect(strict).toMatchObject({ file: run.file, line: expected.line, message });
}

describe('bar importers on valid files', () => {
  const skimFile = fc.record({
    rows: fc.constantFrom<BarSize>(...SIZES).chain((size) => sampleRowsArb([size], 3)),
    layout: skimLayoutArb,
    style: csvStyleArb,
  });
  const eodFile = fc.record({
    rows: sampleRowsArb(['1d'], 3),
    dateForm: fc.constantFrom('padded' as const, 'unpadded' as const, 'compact' as const),
    style: csvStyleArb,
  });

  it('Skim CSV: writing random bars and importing them gives the same bars', async () => {
    await fc.assert(
      fc.asyncProperty(skimFile, async ({ rows, layout, style }) => {
        await expectImport(writeRun(skimText(rows, layout, style), false), { kind: 'kept', replaced: 0, rows });
      }),
      { numRuns: RUNS },
    );
  });

  it('ASX end-of-day CSV: writing random daily bars and importing them gives the same bars', async () => {
    await fc.assert(
      fc.asyncProperty(eodFile, async ({ rows, dateForm, style }) => {
        await expectImport(writeRun(asxEodText(rows, dateForm, style), false), { kind: 'kept', replaced: 0, rows });
      }),
      { numRuns: RUNS },
    );
  });

  it('Skim CSV changed in one place: that row is reported by line and field, the others kept', async () => {
    await fc.assert(
      fc.asyncProperty(skimFile, csvMutation, async ({ rows, layout, style }, change) => {
        const mutated = mutateCsv((sample) => skimTable(sample, layout, style), rows, style, change);
        await expectImport(writeRun(mutated.text, false), mutated.expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('ASX end-of-day CSV changed in one place: that row is reported by line and field, the others kept', async () => {
    await fc.assert(
      fc.asyncProperty(eodFile, csvMutation, async ({ rows, dateForm, style }, change) => {
        const mutated = mutateCsv((sample) => asxEodTable(sample, dateForm, style), rows, style, change);
        await expectImport(writeRun(mutated.text, false), mutated.expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('IBKR history JSON: writing random bars and importing them gives the same bars', async () => {
    await fc.assert(
      fc.asyncProperty(jsonFileArb, async (file) => {
        await expectImport(writeRun(ibkrText(file), true), { kind: 'kept', replaced: 0, rows: file.rows });
      }),
      { numRuns: RUNS },
    );
  });

  it('IBKR history JSON with one element changed: that element is reported by line and key, the others kept', async () => {
    await fc.assert(
      fc.asyncProperty(jsonFileArb, jsonMutation, async (file, change) => {
        const mutated = mutateJson(file, change);
        await expectImport(writeRun(mutated.text, true), mutated.expected);
      }),
      { numRuns: RUNS },
    );
  });
});
