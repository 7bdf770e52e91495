import { describe, expect, it } from 'vitest';
import { failedGapFilter } from '../../../src/application/scan/gap-filters.js';
import type { ScanResult } from '../../../src/domain/market/scan-result.js';
import type { ScanFilters } from '../../../src/domain/ports/market-scanner.port.js';
import { gapPct } from '../../../src/domain/strategy/gap.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { price } from '../../../src/domain/values/price.js';

const filters: ScanFilters = { minGapPct: 3, minPrice: 0.05, minVolume: 10_000 };
const result = (fields: Partial<ScanResult>): ScanResult => ({
  symbol: asxSymbol('ABC'),
  gapPct: 5,
  last: price(1000),
  volume: 50_000,
  source: 'test',
  ...fields,
});

describe('failedGapFilter', () => {
  it('passes a gap exactly on the threshold and fails one just below it', () => {
    expect(failedGapFilter(result({ gapPct: 3 }), filters)).toBeUndefined();
    expect(failedGapFilter(result({ gapPct: 2.999 }), filters)).toBe('gap 3.00% below the minimum 3%');
    expect(failedGapFilter(result({ gapPct: 2.5 }), filters)).toBe('gap 2.50% below the minimum 3%');
  });

  it('is not fooled by float noise around the threshold', () => {
    expect(failedGapFilter(result({ gapPct: gapPct(price(2060), price(2000)) }), filters)).toBeUndefined();
    expect(failedGapFilter(result({ gapPct: 2.9999999999999996 }), filters)).toBeUndefined();
    expect(failedGapFilter(result({ gapPct: 2.9994 }), filters)).toMatch(/below/);
    expect(failedGapFilter(result({ gapPct: gapPct(price(1025), price(1000)) }), filters)).toMatch(/below/);
  });

  it('refuses a gap that is not a usable number', () => {
    expect(failedGapFilter(result({ gapPct: Number.NaN }), filters)).toBe('gap NaN is not a usable percentage');
    expect(failedGapFilter(result({ gapPct: 1e300 }), filters)).toBe('gap 1e+300 is not a usable percentage');
  });

  it('passes a price exactly at the minimum and fails one tick below', () => {
    expect(failedGapFilter(result({ last: price(50) }), filters)).toBeUndefined();
    expect(failedGapFilter(result({ last: price(49) }), filters)).toBe('price 0.049 below the minimum 0.05');
  });

  it('judges the price on the last trade, else on the open', () => {
    expect(failedGapFilter(result({ last: undefined, open: price(45) }), filters)).toMatch(/^price 0.045/);
    expect(failedGapFilter(result({ last: price(60), open: price(45) }), filters)).toBeUndefined();
  });

  it('passes a volume exactly at the minimum and fails one share below', () => {
    expect(failedGapFilter(result({ volume: 10_000 }), filters)).toBeUndefined();
    expect(failedGapFilter(result({ volume: 9_999 }), filters)).toBe('volume 9999 below the minimum 10000');
  });

  it('does not hold an unknown price or volume against the stock', () => {
    expect(failedGapFilter(result({ last: undefined, open: undefined, volume: undefined }), filters)).toBeUndefined();
  });
});
