import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BarFileError, BarRowError } from '../../../src/adapters/bars/import/bar-import.error.js';
import { importBarFiles } from '../../../src/adapters/bars/import/bar-import.js';
import { barsOf } from '../../../src/adapters/bars/store/bar-columns.js';
import { BarStore } from '../../../src/adapters/bars/store/bar-store.js';
import { useTempDir } from '../../infrastructure/temp-dir.js';
import { bar, day, filesUnder, fixturePath, sym } from './bar-fixtures.js';

const tempDir = useTempDir('bar-import');

describe('importBarFiles: Skim CSV', () => {
  it('reads Sydney-local, zoned and UTC timestamps as the same clock and counts the off-tick bar', async () => {
    const store = BarStore.open(tempDir());
    const report = await importBarFiles(store, [fixturePath('skim-minute.csv')]);

    expect(report).toMatchObject({ rows: 7, imported: 7, skipped: 0, roundedBars: 1, messages: [] });
    expect(report.files).toEqual([
      { file: fixturePath('skim-minute.csv'), format: 'skim-csv', rows: 7, imported: 7, skipped: 0, roundedBars: 1 },
    ]);
    expect(barsOf(store.minuteBars(sym('BHP'), day('2024-03-01')))).toEqual([
      bar('2024-03-01', '10:00', [45200, 45310, 45180, 45300], 120345),
      bar('2024-03-01', '10:01', [45300, 45400, 45250, 45380], 80210),
      bar('2024-03-01', '10:02', [45380, 45450, 45300, 45410], 60110),
      // 45.455 lies between the 0.01 ticks 45.45 and 45.46; a tie goes up.
      bar('2024-03-01', '10:03', [45410, 45500, 45400, 45460], 51002),
    ]);
    expect(store.minuteBars(sym('CBA'), day('2024-03-01')).length).toBe(2);
    expect(store.minuteBars(sym('BHP'), day('2024-03-04')).length).toBe(1);
  });

  it('takes a date-only timestamp as a daily bar starting at 10:00 Sydney', async () => {
    const store = BarStore.open(tempDir());
    await importBarFiles(store, [fixturePath('skim-daily.csv')]);

    const daily = store.dailyBars(sym('BHP'), day('2024-02-01'), day('2024-02-29'));
    expect(barsOf(daily)).toEqual([
      bar('2024-02-28', '10:00', [44100, 44600, 43950, 44500], 8123456),
      bar('2024-02-29', '10:00', [44500, 45300, 44400, 45100], 9001234),
    ]);
    expect(daily.derivedFromMinutes).toBe(0);
    expect(store.symbols('1d')).toEqual(['BHP', 'CBA']);
    expect(store.symbols('1min')).toEqual([]);
  });
});

describe('importBarFiles: ASX end-of-day vendor CSV', () => {
  it('reads header-less rows, quoted fields and YYYYMMDD dates; rounds off-tick cent prices to the tick', async () => {
    const store = BarStore.open(tempDir());
    const report = await importBarFiles(store, [fixturePath('asx-eod-20240301.txt')]);

    expect(report.files[0]).toMatchObject({ format: 'asx-eod-csv', rows: 4, imported: 4, roundedBars: 1 });
    const date = day('2024-03-01');
    expect(store.dailyBar(sym('WES'), date)).toEqual(bar('2024-03-01', '10:00', [64100, 64800, 63900, 64500], 1500000));
    // 0.123 and 0.112 sit between 0.005 ticks: nearest are 0.125 and 0.110.
    expect(store.dailyBar(sym('1AE'), date)).toEqual(bar('2024-03-01', '10:00', [115, 125, 110, 120], 455000));
    expect(store.symbols('1d')).toEqual(['1AE', 'BHP', 'CBA', 'WES']);
  });
});

describe('importBarFiles: IBKR history JSON', () => {
  it('reads minute bars with the symbol and bar length from the body', async () => {
    const store = BarStore.open(tempDir());
    const report = await importBarFiles(store, [fixturePath('ibkr-history-1min.json')]);

    expect(report.files[0]).toMatchObject({ format: 'ibkr-json', rows: 3, imported: 3, skipped: 0, roundedBars: 0 });
    expect(barsOf(store.minuteBars(sym('FMG'), day('2024-03-05')))).toEqual([
      bar('2024-03-05', '10:00', [21100, 21300, 21100, 21250], 45000),
      bar('2024-03-05', '10:01', [21250, 21450, 21200, 21400], 52000),
      bar('2024-03-05', '10:02', [21400, 21500, 21350, 21480], 98000),
    ]);
  });

  it('dates daily bars by the Sydney date of t and scales volume by volumeFactor', async () => {
    const store = BarStore.open(tempDir());
    await importBarFiles(store, [fixturePath('ibkr-history-1d.json')]);

    expect(barsOf(store.dailyBars(sym('FMG'), day('2024-03-01'), day('2024-03-31')))).toEqual([
      bar('2024-03-04', '10:00', [20900, 21200, 20800, 21050], 5123450),
      bar('2024-03-05', '10:00', [21050, 21120, 20950, 21100], 4800000),
    ]);
  });

  it('needs a symbol from the body or the options, and says so', async () => {
    const path = join(tempDir(), 'nameless.json');
    writeFileSync(path, '{"barLength":60,"data":[{"o":1,"h":1,"l":1,"c":1,"v":1,"t":1709593200000}]}');
    const store = BarStore.open(join(tempDir(), 'store'));

    await expect(importBarFiles(store, [path])).rejects.toThrow(BarFileError);
    await expect(importBarFiles(store, [path])).rejects.toThrow(/no "symbol" before "data"/);
    const report = await importBarFiles(store, [path], { symbol: 'ABC' });
    expect(report.imported).toBe(1);
    expect(store.minuteBars(sym('ABC'), day('2024-03-05')).length).toBe(1);
  });

  it('names the element and key of a bad bar, and the line it starts on', async () => {
    const path = join(tempDir(), 'bad.json');
    writeFileSync(
      path,
      [
        '{"symbol":"FMG","barLength":60,"data":[',
        '{"o":21.1,"h":21.3,"l":21.1,"c":21.2,"v":5,"t":1709593200000},',
        '{"o":21.1,"h":21.3,"l":21.1,"c":21.2,"v":5},',
        '{"o":21.1,"h":[1],"l":21.1,"c":21.2,"v":5,"t":1709593260000},',
        '42',
        ']}',
      ].join('\n'),
    );
    const store = BarStore.open(join(tempDir(), 'store'));

    const report = await importBarFiles(store, [path]);
    expect(report.imported).toBe(1);
    expect(report.messages).toEqual([
      `${path}:3: data[1].t: missing`,
      `${path}:4: data[2].h: expected a number, found an object or array`,
      `${path}:5: data[3]: expected an object {o,h,l,c,v,t}`,
    ]);
  });

  it('refuses broken JSON structure with the line at fault', async () => {
    const path = join(tempDir(), 'broken.json');
    writeFileSync(path, '{"symbol":"FMG","barLength":60,\n"data":[{"o":1 "h":2}]}');
    const store = BarStore.open(join(tempDir(), 'store'));

    await expect(importBarFiles(store, [path])).rejects.toThrow(`${path}:2: expected "," or "}", found a string`);
  });
});

describe('importBarFiles: bad rows', () => {
  const expectedMessages = (file: string): string[] => [
    `${file}:3: high: high 45.20 is below close 45.38`,
    `${file}:4: timestamp: 2024-13-01 10:02: no such day`,
    `${file}:5: close: "abc": not a decimal number`,
    `${file}:6: volume: volume -5 is not a whole, non-negative number`,
    `${file}:7: symbol: "TOOLONGCODE": expected 3 to 6 letters or digits`,
    `${file}:8: row: expected 7 fields as in the header, found 4`,
    `${file}:10: timestamp: 2024-03-01 10:07:30 is not on a whole minute`,
    `${file}:11: low: low 45.46 is above open 45.41`,
  ];

  it('skips them and reports the count and each file:line:field', async () => {
    const file = fixturePath('bad-rows.csv');
    const store = BarStore.open(tempDir());
    const report = await importBarFiles(store, [file]);

    expect(report).toMatchObject({ rows: 10, imported: 2, skipped: 8, unlistedMessages: 0 });
    expect(report.messages).toEqual(expectedMessages(file));
    expect(barsOf(store.minuteBars(sym('BHP'), day('2024-03-01'))).map((b) => b.close)).toEqual([45300, 45470]);
  });

  it('lists only the first N messages and counts the rest', async () => {
    const file = fixturePath('bad-rows.csv');
    const report = await importBarFiles(BarStore.open(tempDir()), [file], { maxMessages: 3 });

    expect(report.messages).toEqual(expectedMessages(file).slice(0, 3));
    expect(report.unlistedMessages).toBe(5);
    expect(report.skipped).toBe(8);
  });

  it('with strict, stops at the first bad row naming file, line and field, and stores nothing', async () => {
    const file = fixturePath('bad-rows.csv');
    const store = BarStore.open(tempDir());

    const failure = importBarFiles(store, [fixturePath('skim-daily.csv'), file], { strict: true });
    await expect(failure).rejects.toThrow(BarRowError);
    await expect(importBarFiles(store, [file], { strict: true })).rejects.toMatchObject({
      file,
      line: 3,
      field: 'high',
      message: `${file}:3: high: high 45.20 is below close 45.38`,
    });
    expect(store.symbols('1d')).toEqual([]);
    expect(filesUnder(tempDir())).toEqual([]);
  });
});

describe('importBarFiles: rows the fuzz tests found mishandled', () => {
  async function importText(text: string) {
    const file = join(tempDir(), 'found.csv');
    writeFileSync(file, `symbol,timestamp,open,high,low,close,volume\n${text}\n`);
    const store = BarStore.open(join(tempDir(), 'store'));
    return { file, store, report: await importBarFiles(store, [file]) };
  }

  it('refuses a hexadecimal price instead of reading 0x1e as 30', async () => {
    const { file, report } = await importText('BHP,2024-03-01,0x1e,0x1e,0x1e,0x1e,5');
    expect(report.messages).toEqual([`${file}:2: open: "0x1e": not a decimal number`]);
  });

  it('refuses bars outside the years 1900 to 9999, which the store cannot file', async () => {
    const { file, report } = await importText(
      ['BHP,9999-12-31T23:00:00Z,1,1,1,1,5', 'BHP,0100-01-01,1,1,1,1,5', 'BHP,2024-03-01,1,1,1,1,5'].join('\n'),
    );
    expect(report.messages).toEqual([
      `${file}:2: timestamp: 9999-12-31T23:00:00Z is outside the years 1900 to 9999`,
      `${file}:3: timestamp: 0100-01-01 is outside the years 1900 to 9999`,
    ]);
    expect(report.imported).toBe(1);
    // The store still opens (a year written as "100" once broke its index for good).
    expect(BarStore.open(join(tempDir(), 'store')).symbols('1d')).toEqual(['BHP']);
  });

  it('refuses a row with values beyond the header, such as a price with a decimal comma', async () => {
    const { file, report } = await importText(
      'BHP,2024-03-01,45.20,46.00,44.90,45,30,120345\nBHP,2024-03-04,45,46,44,45,7,',
    );
    expect(report.messages).toEqual([`${file}:2: row: expected 7 fields as in the header, found 8`]);
    expect(report.imported).toBe(1);
  });

  it('counts a price in exponent notation that had to be rounded', async () => {
    const { report } = await importText('BHP,2024-03-01,4.5205e1,4.6e1,4.49e1,4.53e1,5');
    expect(report).toMatchObject({ imported: 1, roundedBars: 1 });
  });
});

describe('importBarFiles: a failed import', () => {
  it('leaves the bars already stored exactly as they were, with no temporary files', async () => {
    const root = join(tempDir(), 'store');
    const store = BarStore.open(root);
    await importBarFiles(store, [fixturePath('skim-minute.csv')]);
    const before = filesUnder(root);
    const storedBefore = barsOf(store.minuteBars(sym('BHP'), day('2024-03-01')));

    const overlapping = join(tempDir(), 'overlap.csv');
    writeFileSync(
      overlapping,
      'symbol,timestamp,open,high,low,close,volume\nBHP,2024-03-01 10:00,1.00,1.00,1.00,1.00,1\nBHP,2024-03-01 10:01,x,1,1,1,1\n',
    );
    await expect(importBarFiles(store, [overlapping], { strict: true })).rejects.toThrow(BarRowError);

    const reopened = BarStore.open(root);
    expect(barsOf(reopened.minuteBars(sym('BHP'), day('2024-03-01')))).toEqual(storedBefore);
    expect(filesUnder(root)).toEqual(before);
  });

  it('replaces a stored bar with the same start when a corrected file is imported', async () => {
    const store = BarStore.open(tempDir());
    await importBarFiles(store, [fixturePath('skim-minute.csv')]);
    const corrected = join(tempDir(), 'corrected.csv');
    writeFileSync(
      corrected,
      'symbol,timestamp,open,high,low,close,volume\nBHP,2024-03-01 10:01,45.30,45.40,45.25,45.35,1\n',
    );

    const report = await importBarFiles(store, [corrected]);

    expect(report.replaced).toBe(1);
    const closes = barsOf(store.minuteBars(sym('BHP'), day('2024-03-01'))).map((b) => b.close);
    expect(closes).toEqual([45300, 45350, 45410, 45460]);
  });
});
