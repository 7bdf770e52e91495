import { describe, expect, it } from 'vitest';
import { UnexpectedResponse } from '../../../../src/adapters/clientportal/errors/unexpected-response.error.js';
import { parseIbkrScan } from '../../../../src/adapters/clientportal/scanner/ibkr-scan.parser.js';
import { percentOf } from '../../../../src/adapters/clientportal/scanner/scan-data.js';
import { morningRun, scannerFixture } from './scanner-harness.js';

const json = (value: unknown): string => JSON.stringify(value);

function parseError(raw: string): UnexpectedResponse {
  try {
    parseIbkrScan(raw);
  } catch (error) {
    if (error instanceof UnexpectedResponse) return error;
    throw error;
  }
  throw new Error('expected an UnexpectedResponse');
}

describe('percentOf', () => {
  it.each([
    ['+12.34%', 12.34],
    ['-0.5%', -0.5],
    ['7%', 7],
    [' +3.10 % ', 3.1],
    ['1,250.00%', 1250],
    ['-0.00%', 0],
  ])('reads %j as %d percent', (text, value) => {
    expect(percentOf(text)).toBe(value);
  });

  it.each(['', '%', '12.34', '+-1%', '1.2.3%', '1,25%', 'n/a', '1.23M', '+.5%', 'NaN%', 'Infinity%'])(
    'refuses %j',
    (text) => {
      expect(percentOf(text)).toBeUndefined();
    },
  );

  it('keeps the sign of a negative change', () => {
    expect(percentOf('-12.34%')).toBeLessThan(0);
  });
});

describe('parseIbkrScan', () => {
  it('maps each contract to a result with its gap and company, in the order the scanner ranked them', () => {
    const scan = parseIbkrScan(json(morningRun()));

    expect(scan.results).toEqual([
      { symbol: 'PLS', gapPct: 12.34, companyName: 'PILBARA MINERALS LTD', source: 'ibkr-scanner' },
      { symbol: 'BHP', gapPct: 5, companyName: 'BHP GROUP LTD', source: 'ibkr-scanner' },
      { symbol: 'CBA', gapPct: 0.85, companyName: 'COMMONWEALTH BANK OF AUSTRAL', source: 'ibkr-scanner' },
    ]);
    expect(scan.issues).toEqual([]);
    expect(scan.columnName).toBe('Gap%');
    expect(scan.rowCount).toBe(3);
  });

  it('leaves prices, volume and market cap unknown: the scanner does not tell them', () => {
    const [first] = parseIbkrScan(json(morningRun())).results;

    expect(first).toBeDefined();
    for (const field of ['last', 'open', 'previousClose', 'volume', 'marketCap'] as const) {
      expect(first).not.toHaveProperty(field);
    }
  });

  it('skips bad rows, naming each by index, symbol and conid, and keeps the good ones', () => {
    const scan = parseIbkrScan(json(scannerFixture('run-with-bad-rows.json')));

    expect(scan.results).toEqual([
      { symbol: 'PLS', gapPct: 12.34, companyName: 'PILBARA MINERALS LTD', source: 'ibkr-scanner' },
      { symbol: 'CBA', gapPct: -1250.5, companyName: 'COMMONWEALTH BANK OF AUSTRAL', source: 'ibkr-scanner' },
      { symbol: 'BHP', gapPct: 0, source: 'ibkr-scanner' },
    ]);
    expect(scan.rowCount).toBe(7);
    expect(scan.issues).toEqual([
      { row: 1, symbol: 'XYZ', conid: 11_111_111, problem: 'scan_data "n/a" is not a signed percentage' },
      { row: 2, symbol: 'BHP.OLD', conid: 22_222_222, problem: 'symbol "BHP.OLD" is not an ASX code' },
      { row: 3, conid: 33_333_333, problem: expect.stringContaining('symbol: ') as string },
      { row: 4, problem: expect.stringContaining('(row): ') as string },
    ]);
  });

  it('accepts an empty list of contracts: a quiet morning is an answer', () => {
    const scan = parseIbkrScan(json({ contracts: [] }));

    expect(scan).toEqual({ results: [], issues: [], columnName: undefined, rowCount: 0 });
  });

  it.each([
    ['an empty body', '', '', 'empty body'],
    ['text that is not JSON', '<html>Bad Gateway</html>', '', 'not JSON: <html>Bad Gateway</html>'],
    ['a JSON array', '[]', '', 'expected object'],
    ['an envelope without contracts', json({ scan_data_column_name: 'Gap%' }), 'contracts', 'missing'],
    ['contracts that are not a list', json({ contracts: { symbol: 'BHP' } }), 'contracts', 'expected array'],
    ['an error inside HTTP 200', json({ error: 'scanner unavailable' }), 'error', 'scanner unavailable'],
  ])('refuses %s with an UnexpectedResponse naming the field', (_case, raw, path, detail) => {
    const error = parseError(raw);

    expect(error.endpoint).toBe('POST /iserver/scanner/run');
    expect(error.path).toBe(path);
    expect(error.detail).toContain(detail);
  });
});
