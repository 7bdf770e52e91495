import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barsOf } from '../../../src/adapters/bars/store/bar-columns.js';
import { BarStoreError } from '../../../src/adapters/bars/store/bar-store.error.js';
import { BarStore } from '../../../src/adapters/bars/store/bar-store.js';
import type { Bar } from '../../../src/domain/market/bar.js';
import { useTempDir } from '../../infrastructure/temp-dir.js';
import { bar, day, filesUnder, sym } from './bar-fixtures.js';

const tempDir = useTempDir('bar-store');

const BHP = sym('BHP');
const CBA = sym('CBA');

function write(store: BarStore, rows: readonly { symbol: string; size: '1min' | '1d'; bar: Bar }[]): void {
  const writer = store.writer();
  for (const row of rows) writer.add(sym(row.symbol), row.size, row.bar);
  writer.commit();
}

const minute = (symbol: string, date: string, time: string, close: number) => ({
  symbol,
  size: '1min' as const,
  bar: bar(date, time, [close, close + 10, close - 10, close]),
});

describe('BarStore minute bars', () => {
  it('hands a day back as typed-array views into one loaded file', () => {
    const store = BarStore.open(tempDir());
    write(store, [
      minute('BHP', '2024-03-01', '10:01', 45300),
      minute('BHP', '2024-03-01', '10:00', 45200),
      minute('BHP', '2024-03-04', '10:00', 46000),
    ]);

    const first = store.minuteBars(BHP, day('2024-03-01'));
    const second = store.minuteBars(BHP, day('2024-03-04'));
    expect(first.close).toBeInstanceOf(Int32Array);
    expect(first.start).toBeInstanceOf(Float64Array);
    expect(Array.from(first.close)).toEqual([45200, 45300]);
    expect(Array.from(second.close)).toEqual([46000]);
    expect(second.close.buffer).toBe(first.close.buffer);
    expect(store.minuteBars(BHP, day('2024-03-05')).length).toBe(0);
    expect(store.minuteBars(CBA, day('2024-03-01')).length).toBe(0);
  });

  it('files bars by their Sydney date, not their UTC date', () => {
    const store = BarStore.open(tempDir());
    // 10:00 AEDT on 1 March is 23:00 UTC on 29 February.
    write(store, [minute('BHP', '2024-03-01', '10:00', 45200)]);

    expect(store.minuteBars(BHP, day('2024-03-01')).length).toBe(1);
    expect(store.minuteBars(BHP, day('2024-02-29')).length).toBe(0);
    expect(filesUnder(tempDir())).toEqual(['1min/BHP/2024-03.bars', 'index.json']);
  });

  it('shows nothing before commit and nothing after abort', () => {
    const store = BarStore.open(tempDir());
    const writer = store.writer();
    writer.add(BHP, '1min', bar('2024-03-01', '10:00', [45200, 45200, 45200, 45200]));
    expect(store.symbols('1min')).toEqual([]);
    writer.abort();

    expect(store.symbols('1min')).toEqual([]);
    expect(filesUnder(tempDir())).toEqual([]);
    expect(() => writer.commit()).toThrow(BarStoreError);
  });

  it('keeps what it wrote across a reopen, with ranges from the index', () => {
    const root = tempDir();
    write(BarStore.open(root), [
      minute('BHP', '2024-02-29', '15:59', 45000),
      minute('BHP', '2024-03-01', '10:00', 45200),
      minute('CBA', '2024-03-01', '10:00', 118000),
    ]);

    const reopened = BarStore.open(root);
    expect(reopened.symbols('1min')).toEqual(['BHP', 'CBA']);
    expect(reopened.range('1min', BHP)).toEqual({ first: '2024-02-29', last: '2024-03-01', bars: 2 });
    expect(reopened.range('1d', BHP)).toBeUndefined();
    expect(Array.from(reopened.minuteBars(BHP, day('2024-02-29')).close)).toEqual([45000]);
  });

  it('refuses bars the file format cannot hold', () => {
    const writer = BarStore.open(tempDir()).writer();
    const offMinute = {
      ...bar('2024-03-01', '10:00', [45200, 45200, 45200, 45200]),
      start: Date.UTC(2024, 1, 29, 23, 0, 30),
    };
    expect(() => {
      writer.add(BHP, '1min', offMinute);
    }).toThrow(/whole minute/);
    const inverted = bar('2024-03-01', '10:00', [45200, 45100, 45300, 45200]);
    expect(() => {
      writer.add(BHP, '1min', inverted);
    }).toThrow(/between low and high/);
    writer.abort();
  });
});

describe('BarStore daily bars', () => {
  it('derives a daily bar from minute bars where none is stored, and prefers a stored one', () => {
    const store = BarStore.open(tempDir());
    write(store, [
      minute('BHP', '2024-03-01', '10:00', 45200),
      minute('BHP', '2024-03-01', '10:01', 45500),
      minute('BHP', '2024-03-01', '15:59', 45300),
      minute('BHP', '2024-03-04', '10:00', 46000),
      { symbol: 'BHP', size: '1d', bar: bar('2024-03-04', '10:00', [45900, 46500, 45800, 46400], 7000000) },
      { symbol: 'BHP', size: '1d', bar: bar('2024-02-29', '10:00', [44500, 45300, 44400, 45100], 9000000) },
    ]);

    const daily = store.dailyBars(BHP, day('2024-02-01'), day('2024-03-31'));
    expect(barsOf(daily)).toEqual([
      bar('2024-02-29', '10:00', [44500, 45300, 44400, 45100], 9000000),
      { ...bar('2024-03-01', '10:00', [45200, 45510, 45190, 45300]), volume: 300 },
      bar('2024-03-04', '10:00', [45900, 46500, 45800, 46400], 7000000),
    ]);
    expect(daily.derivedFromMinutes).toBe(1);
    expect(store.dailyBars(BHP, day('2024-03-02'), day('2024-03-03')).length).toBe(0);
    expect(() => store.dailyBars(BHP, day('2024-03-02'), day('2024-03-01'))).toThrow(BarStoreError);
  });
});

describe('BarStore.days', () => {
  it('walks the dates with data in order, across months, with the instruments of each', () => {
    const store = BarStore.open(tempDir());
    write(store, [
      minute('CBA', '2024-03-28', '10:00', 118000),
      minute('BHP', '2024-03-28', '10:00', 45000),
      minute('BHP', '2024-04-02', '10:00', 46000),
      { symbol: 'WES', size: '1d', bar: bar('2024-03-28', '10:00', [64000, 64000, 64000, 64000]) },
      { symbol: 'WES', size: '1d', bar: bar('2024-04-03', '10:00', [65000, 65000, 65000, 65000]) },
      minute('BHP', '2024-05-01', '10:00', 47000),
    ]);

    const days = [...store.days(day('2024-03-01'), day('2024-04-30'))];

    expect(days.map((d) => [d.date, d.minuteSymbols, d.dailySymbols])).toEqual([
      ['2024-03-28', ['BHP', 'CBA'], ['BHP', 'CBA', 'WES']],
      ['2024-04-02', ['BHP'], ['BHP']],
      ['2024-04-03', [], ['WES']],
    ]);
    const [first] = days;
    expect(Array.from(first?.minuteBars(CBA).close ?? [])).toEqual([118000]);
    expect(first?.dailyBar(sym('WES'))?.close).toBe(64000);
    expect(first?.dailyBar(BHP)?.close).toBe(45000);
    expect(first?.dailyBar(sym('FMG'))).toBeUndefined();
  });
});

describe('BarStore writing in bounded memory', () => {
  it('gives the same files whether bars were spilled to disk during the import or not', () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      minute(
        i % 2 === 0 ? 'BHP' : 'CBA',
        i < 20 ? '2024-03-01' : '2024-04-02',
        `10:${String(i).padStart(2, '0')}`,
        45000 + 10 * i,
      ),
    );
    const spilling = BarStore.open(join(tempDir(), 'spilling'));
    const writer = spilling.writer({ spillAfterBars: 3 });
    for (const row of [...rows].reverse()) writer.add(sym(row.symbol), row.size, row.bar);
    writer.commit();
    const plain = BarStore.open(join(tempDir(), 'plain'));
    write(plain, rows);

    const files = filesUnder(join(tempDir(), 'plain'));
    expect(filesUnder(join(tempDir(), 'spilling'))).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(tempDir(), 'spilling', file))).toEqual(readFileSync(join(tempDir(), 'plain', file)));
    }
  });
});

describe('BarStore on damaged or failing disks', () => {
  it('names the file when a bar file has been cut short', () => {
    const root = tempDir();
    write(BarStore.open(root), [minute('BHP', '2024-03-01', '10:00', 45200)]);
    truncateSync(join(root, '1min/BHP/2024-03.bars'), 40);

    expect(() => BarStore.open(root).minuteBars(BHP, day('2024-03-01'))).toThrow(
      new BarStoreError(join(root, '1min/BHP/2024-03.bars'), 'file is 40 bytes, its header promises 72'),
    );
  });

  it('names the index when it is not a Skim index', () => {
    const root = tempDir();
    writeFileSync(join(root, 'index.json'), '{"format":"other"}');
    expect(() => BarStore.open(root)).toThrow(/index.json: invalid index at format/);
  });

  it('leaves every stored file as it was when a commit fails part-way', () => {
    const root = tempDir();
    const store = BarStore.open(root);
    write(store, [minute('CBA', '2024-03-01', '10:00', 118000)]);
    const before = filesUnder(root).map((file) => [file, readFileSync(join(root, file))]);
    // A directory where BHP's file should go makes the second partition of the commit fail.
    mkdirSync(join(root, '1min/BHP/2024-03.bars'), { recursive: true });

    const writer = store.writer();
    writer.add(CBA, '1min', bar('2024-03-01', '10:01', [118500, 118500, 118500, 118500]));
    writer.add(BHP, '1min', bar('2024-03-01', '10:00', [45200, 45200, 45200, 45200]));
    expect(() => writer.commit()).toThrow();

    const after = filesUnder(root).map((file) => [file, readFileSync(join(root, file))]);
    expect(after).toEqual(before);
    expect(Array.from(BarStore.open(root).minuteBars(CBA, day('2024-03-01')).close)).toEqual([118000]);
  });
});
