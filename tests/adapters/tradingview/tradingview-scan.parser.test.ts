import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TradingViewPayloadError } from '../../../src/adapters/tradingview/tradingview-payload.error.js';
import { parseTradingViewScan } from '../../../src/adapters/tradingview/tradingview-scan.parser.js';

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

/** A row in column order: name, description, close, open, high, low, volume, change, change_abs, gap, cap, exchange, type. */
function row(ticker: string, values: Partial<Record<string, unknown>> = {}): { s: string; d: unknown[] } {
  const base: Record<string, unknown> = {
    name: ticker.split(':')[1],
    description: 'Sample Ltd',
    close: 1.1,
    open: 1.05,
    high: 1.12,
    low: 1.04,
    volume: 100000,
    change: 10,
    change_abs: 0.1,
    gap: 5,
    market_cap_basic: 1e7,
    exchange: 'ASX',
    type: 'stock',
  };
  const merged = { ...base, ...values };
  return { s: ticker, d: Object.keys(base).map((key) => merged[key]) };
}

const answer = (...rows: unknown[]): string => JSON.stringify({ totalCount: rows.length, data: rows });

describe('parseTradingViewScan on a sample morning', () => {
  const scan = parseTradingViewScan(fixture('mornings/2025-06-10/tradingview.json'));

  it('keeps one result per ASX symbol, in the answer order', () => {
    expect(scan.results.map((r) => r.symbol)).toEqual([
      'LKO',
      'QRX',
      'BDX',
      'AUR',
      'MNW',
      'PNY',
      'THN',
      'ODD',
      'WBR',
      'TRS',
      'UND',
    ]);
    expect(scan.rowCount).toBe(17);
    expect(scan.totalCount).toBe(17);
  });

  it('maps vendor values to prices in mills, with the previous close from close minus the change', () => {
    expect(scan.results[0]).toEqual({
      symbol: 'LKO',
      companyName: 'Lakeside Lithium Ltd',
      last: 415,
      open: 400,
      previousClose: 300,
      gapPct: 33.33333333,
      volume: 2450000,
      marketCap: 124500000,
      source: 'tradingview',
    });
    expect(scan.results.find((r) => r.symbol === 'AUR')?.companyName).toBe('Aurélia Minerals Ltd');
  });

  it('computes the gap from the open and the previous close when the gap column is empty', () => {
    const wbr = scan.results.find((r) => r.symbol === 'WBR');
    expect(wbr).toMatchObject({ open: 1060, previousClose: 1000, last: 1100 });
    expect(wbr?.gapPct).toBeCloseTo(6, 9);
  });

  it('leaves out other exchanges without calling them problems', () => {
    expect(scan.otherExchanges).toEqual(['CHIXA:LKO']);
    expect(scan.issues.some((issue) => issue.ticker === 'CHIXA:LKO')).toBe(false);
  });

  it('reports every dropped or doubtful row by index and ticker', () => {
    expect(scan.issues).toEqual([
      { row: 2, ticker: 'ASX:LKO', skipped: true, problem: 'repeats LKO of data[0]; kept data[0], dropped this row' },
      { row: 9, ticker: 'ASX:BAD', skipped: true, problem: 'close: Invalid input: expected number, received string' },
      { row: 10, ticker: 'ASX:ODD', skipped: false, problem: 'open 0 is not a price; ignored' },
      {
        row: 14,
        ticker: 'ASX:HLT',
        skipped: true,
        problem: 'no gap: the gap column is empty and open or previous close is unknown',
      },
      {
        row: 15,
        ticker: 'ASX:MFX',
        skipped: true,
        problem: 'no gap: the gap column is empty and open or previous close is unknown',
      },
      {
        row: 16,
        ticker: 'ASX:GHS',
        skipped: true,
        problem: 'no gap: the gap column is empty and open or previous close is unknown',
      },
    ]);
  });

  it('keeps a row with a nonsensical open when the vendor gives the gap, without the open', () => {
    expect(scan.results.find((r) => r.symbol === 'ODD')).toMatchObject({
      open: undefined,
      previousClose: 3000,
      gapPct: 5,
    });
  });
});

describe('parseTradingViewScan: previous close and gap', () => {
  const scan = parseTradingViewScan(fixture('tradingview/gap-from-prices.json'));

  it('derives the previous close exactly from change_abs, else from the percentage change', () => {
    expect(scan.results.map((r) => [r.symbol, r.previousClose, r.open])).toEqual([
      ['ABS', 1000, 1050],
      ['PCT', 4000, 4200],
    ]);
    expect(scan.results.map((r) => Math.round(r.gapPct * 1e6) / 1e6)).toEqual([5, 5]);
  });

  it('never takes the current price as the previous close, nor the change as a gap', () => {
    const dropped = scan.issues.filter((issue) => issue.skipped).map((issue) => issue.ticker);
    expect(dropped).toEqual(['ASX:NOC', 'ASX:CFO']);
  });

  it('ignores a previous close that comes out at or below zero', () => {
    const result = parseTradingViewScan(answer(row('ASX:NEG', { close: 0.5, change_abs: 0.6, gap: 4 })));
    expect(result.results[0]).toMatchObject({ symbol: 'NEG', previousClose: undefined, gapPct: 4 });
    expect(result.issues[0]?.problem).toMatch(/^previous close -0.1 derived from close and change is not a price/);
  });

  it('leaves the previous close unknown when the change is too large to hold', () => {
    const result = parseTradingViewScan(answer(row('ASX:HGE', { change_abs: 1e300, gap: 4 })));
    expect(result.results[0]).toMatchObject({ previousClose: undefined, gapPct: 4 });
  });

  it('does not divide by a change of -100 % or less', () => {
    const result = parseTradingViewScan(answer(row('ASX:ZRO', { change_abs: null, change: -100, gap: 4 })));
    expect(result.results[0]?.previousClose).toBeUndefined();
    expect(result.issues).toEqual([]);
  });
});

describe('parseTradingViewScan: vendor values', () => {
  it('rounds off-tick vendor prices to the nearest tick', () => {
    const result = parseTradingViewScan(answer(row('ASX:TCK', { close: 45.2000001, open: 0.1234, change_abs: 0.2 })));
    expect(result.results[0]).toMatchObject({ last: 45200, open: 125, previousClose: 45000 });
  });

  it('warns about prices that are not prices and drops them', () => {
    const result = parseTradingViewScan(answer(row('ASX:WRN', { close: -1, open: 0.0001, high: 1e300 })));
    expect(result.results[0]).toMatchObject({ last: undefined, open: undefined, previousClose: undefined, gapPct: 5 });
    expect(result.issues.map((issue) => issue.problem)).toEqual([
      'close -1 is not a price; ignored',
      'open 0.0001 is not a price; ignored',
    ]);
  });

  it('warns about a price too large to hold', () => {
    const result = parseTradingViewScan(answer(row('ASX:BIG', { open: 1e300 })));
    expect(result.results[0]?.open).toBeUndefined();
    expect(result.issues.map((issue) => issue.problem)).toEqual(['open 1e+300 is not a price; ignored']);
  });

  it('warns about negative counts and drops them; rounds fractional ones', () => {
    const result = parseTradingViewScan(answer(row('ASX:VOL', { volume: -5, market_cap_basic: 1234.6 })));
    expect(result.results[0]).toMatchObject({ volume: undefined, marketCap: 1235 });
    expect(result.issues).toEqual([
      { row: 0, ticker: 'ASX:VOL', skipped: false, problem: 'volume -5 is negative; ignored' },
    ]);
  });

  it('leaves a blank or missing company name out', () => {
    const result = parseTradingViewScan(
      answer(row('ASX:NNM', { description: '   ' }), row('ASX:NUL', { description: null })),
    );
    expect(result.results.map((r) => r.companyName)).toEqual([undefined, undefined]);
  });
});

describe('parseTradingViewScan: bad rows', () => {
  it.each([
    [42, undefined, 'not a {s, d} row'],
    [{ s: 5, d: [] }, undefined, 'not a {s, d} row (s: Invalid input: expected string, received number)'],
    [{ s: 'ASX:NOD' }, 'ASX:NOD', 'not a {s, d} row (d: Invalid input: expected array, received undefined)'],
    [row('BHP'), 'BHP', 'ticker has no "EXCHANGE:" prefix'],
    [{ s: 'ASX:SHT', d: [1, 2] }, 'ASX:SHT', '2 values for 13 columns'],
    [row('ASX:BH'), 'ASX:BH', '"BH" is not an ASX code'],
    [row('ASX:TOOLONG'), 'ASX:TOOLONG', '"TOOLONG" is not an ASX code'],
    [row('ASX:TYP', { type: 7 }), 'ASX:TYP', 'type: Invalid input: expected string, received number'],
  ])('skips %j with a problem naming it', (raw, ticker, problem) => {
    const result = parseTradingViewScan(JSON.stringify({ data: [row('ASX:OK1'), raw] }));
    expect(result.results.map((r) => r.symbol)).toEqual(['OK1']);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ row: 1, ticker, skipped: true });
    expect(result.issues[0]?.problem.startsWith(problem)).toBe(true);
    expect(result.totalCount).toBeUndefined();
  });

  it('accepts an empty answer', () => {
    expect(parseTradingViewScan(fixture('tradingview/empty.json'))).toEqual({
      results: [],
      issues: [],
      otherExchanges: [],
      totalCount: 0,
      rowCount: 0,
    });
  });
});

describe('parseTradingViewScan: bad envelopes', () => {
  it.each([
    ['<html>Access denied</html>', /^TradingView scan response: not JSON/],
    ['null', /unexpected envelope \(\(whole value\): /],
    ['[]', /unexpected envelope/],
    ['{"data":{}}', /unexpected envelope \(data: /],
    ['{"totalCount":"many","data":[]}', /unexpected envelope \(totalCount: /],
    ['{"totalCount":0}', /no "data" array/],
  ])('rejects %s', (raw, message) => {
    expect(() => parseTradingViewScan(raw)).toThrow(TradingViewPayloadError);
    expect(() => parseTradingViewScan(raw)).toThrow(message);
  });

  it('passes on the error the screener reported', () => {
    expect(() => parseTradingViewScan(fixture('tradingview/screener-error.json'))).toThrow(
      'TradingView scan response: the screener reported an error: Unknown field "gapx"',
    );
  });
});
