import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barsOf } from '../../../src/adapters/bars/store/bar-columns.js';
import { BarStore } from '../../../src/adapters/bars/store/bar-store.js';
import type { Bar } from '../../../src/domain/market/bar.js';
import { addDays, type LocalDate } from '../../../src/domain/values/time.js';
import { bar, day, sym } from './bar-fixtures.js';

const SYMBOLS = ['BHP', 'CBA', 'WES'] as const;
const FIRST_DAY = day('2024-03-27');

interface Row {
  readonly symbol: (typeof SYMBOLS)[number];
  readonly date: LocalDate;
  readonly bar: Bar;
}

/** Minute bars over a week that crosses a month end and the April change from AEDT to AEST. */
const rowArb: fc.Arbitrary<Row> = fc
  .record({
    symbol: fc.constantFrom(...SYMBOLS),
    dayOffset: fc.integer({ min: 0, max: 8 }),
    minute: fc.integer({ min: 0, max: 5 }),
    close: fc.integer({ min: 2000, max: 2100 }).map((dollars) => dollars * 10),
  })
  .map(({ symbol, dayOffset, minute, close }) => {
    const date = addDays(FIRST_DAY, dayOffset);
    return { symbol, date, bar: bar(date, `10:0${minute}`, [close, close, close, close], minute) };
  });

/** What a store should hold: per symbol and date, one bar per start, the last one written. */
function expected(rows: readonly Row[]): Map<string, Bar[]> {
  const last = new Map<string, Row>();
  for (const row of rows) last.set(`${row.symbol} ${row.bar.start}`, row);
  const byDay = new Map<string, Bar[]>();
  for (const row of [...last.values()].sort((a, b) => a.bar.start - b.bar.start)) {
    const key = `${row.symbol} ${row.date}`;
    byDay.set(key, [...(byDay.get(key) ?? []), row.bar]);
  }
  return byDay;
}

describe('property: the store gives back what was written, last write winning', () => {
  it('whatever the order, the commits and the spill threshold', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        fc.nat(),
        fc.integer({ min: 1, max: 25 }),
        (rows, cutAt, spillAfterBars) => {
          const root = mkdtempSync(join(tmpdir(), 'skim-bar-store-property-'));
          try {
            const cut = rows.length === 0 ? 0 : cutAt % rows.length;
            for (const part of [rows.slice(0, cut), rows.slice(cut)]) {
              const writer = BarStore.open(root).writer({ spillAfterBars });
              for (const row of part) writer.add(sym(row.symbol), '1min', row.bar);
              writer.commit();
            }
            const store = BarStore.open(root);
            const want = expected(rows);
            for (const symbol of SYMBOLS) {
              for (let offset = 0; offset <= 8; offset += 1) {
                const date = addDays(FIRST_DAY, offset);
                expect(barsOf(store.minuteBars(sym(symbol), date))).toEqual(want.get(`${symbol} ${date}`) ?? []);
              }
            }
            const walked = [...store.days(FIRST_DAY, addDays(FIRST_DAY, 8))].flatMap((d) =>
              d.minuteSymbols.map((symbol) => `${symbol} ${d.date}`),
            );
            expect(walked.sort()).toEqual([...want.keys()].sort());
          } finally {
            rmSync(root, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
