import { describe, expect, it } from 'vitest';
import { monthlyReturns } from '../../../../src/application/backtest/metrics/monthly-returns.js';
import { cash, equity } from './fills.js';

describe('monthlyReturns', () => {
  it('chains each month from the last close of the month before, and each year likewise', () => {
    const series = equity([
      ['2023-11-30', 10_500_000],
      ['2023-12-01', 10_000_000],
      ['2023-12-29', 11_000_000],
      ['2024-01-02', 11_550_000],
      ['2024-03-28', 10_395_000],
    ]);

    const { months, years } = monthlyReturns(cash(10_000_000), series);

    expect(months.map((m) => [m.month, Number(m.return.toFixed(10))])).toEqual([
      ['2023-11', 0.05],
      ['2023-12', Number((11 / 10.5 - 1).toFixed(10))],
      ['2024-01', 0.05],
      ['2024-03', -0.1],
    ]);
    expect(years.map((y) => [y.year, Number(y.total.toFixed(10))])).toEqual([
      [2023, 0.1],
      [2024, -0.055],
    ]);
    expect(years[1]?.months.map((m) => (m === null ? null : Number(m.toFixed(10))))).toEqual([
      0.05,
      null,
      -0.1,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
