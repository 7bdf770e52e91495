import { describe, expect, it } from 'vitest';
import { formatDollars, formatPercent, signClass } from '../../../../src/application/backtest/report/display-format.js';
import { niceScale, spreadIndices } from '../../../../src/application/backtest/report/chart-scale.js';
import { money } from '../../../../src/domain/values/money.js';

describe('report formatting', () => {
  it('shows dollars exactly, grouped in thousands, a third decimal only when the mills need it', () => {
    expect(formatDollars(money(1_234_567_890))).toBe('$1,234,567.89');
    expect(formatDollars(money(-1_234_567))).toBe('-$1,234.567');
    expect(formatDollars(money(0))).toBe('$0.00');
  });

  it('shows percentages without a negative zero', () => {
    expect(formatPercent(-0.00001)).toBe('0.00 %');
    expect(formatPercent(-0.1234)).toBe('-12.34 %');
    expect(formatPercent(null)).toBe('—');
    expect([signClass(1), signClass(-1), signClass(0), signClass(null)]).toEqual(['pos', 'neg', 'flat', 'none']);
  });
});

describe('chart scales', () => {
  it('widens the range to round ticks and maps low to the bottom pixel', () => {
    const scale = niceScale(43_870, 63_620, 264, 40);
    expect(scale.ticks).toEqual([40_000, 45_000, 50_000, 55_000, 60_000, 65_000]);
    expect(scale.at(40_000)).toBe(264);
    expect(scale.at(65_000)).toBe(40);
  });

  it('gives a flat series some room and spreads x ticks over the whole series', () => {
    const flat = niceScale(50, 50, 100, 0);
    expect(flat.min).toBeLessThan(50);
    expect(flat.max).toBeGreaterThan(50);
    expect(spreadIndices(64, 6)).toEqual([0, 13, 25, 38, 50, 63]);
    expect(spreadIndices(3, 6)).toEqual([0, 1, 2]);
    expect(spreadIndices(0, 6)).toEqual([]);
  });
});
