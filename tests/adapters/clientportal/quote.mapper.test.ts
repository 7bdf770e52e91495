import { describe, expect, it } from 'vitest';
import { freshnessOf, toQuote } from '../../../src/adapters/clientportal/mappers/quote.mapper.js';
import { volumeOf } from '../../../src/adapters/clientportal/mappers/gateway-numbers.js';
import { Located } from '../../../src/adapters/clientportal/parse.js';
import { UnexpectedResponse } from '../../../src/adapters/clientportal/errors/unexpected-response.error.js';
import type { SnapshotEntry } from '../../../src/adapters/clientportal/schemas/market-data.schema.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';

const BHP = instrument('BHP', 4036818);
const AT = 1_736_811_000_000;
const where = new Located('GET /iserver/marketdata/snapshot', '[conid 4036818]');

const entry = (fields: Partial<SnapshotEntry>): SnapshotEntry => ({ conid: 4036818, ...fields });

describe('snapshot → Quote', () => {
  it('maps prices, volume and availability, keeping absent numbers absent', () => {
    const quote = toQuote(
      entry({ _updated: AT + 5, '31': '45.20', '84': '45.19', '86': '45.21', '7762': '1254321', '6509': 'RB' }),
      BHP,
      AT,
      where,
    );
    expect(quote).toEqual({
      instrument: BHP,
      at: AT + 5,
      last: parsePrice('45.20'),
      bid: parsePrice('45.19'),
      ask: parsePrice('45.21'),
      volume: 1_254_321,
      lastIsPreviousClose: false,
      halted: false,
      freshness: 'realtime',
    });
  });

  it("strips a C prefix and records that the last price is yesterday's close", () => {
    const quote = toQuote(entry({ '31': 'C44.10', '6509': 'R' }), BHP, AT, where);
    expect(quote.last).toBe(parsePrice('44.10'));
    expect(quote.lastIsPreviousClose).toBe(true);
    expect(quote.halted).toBe(false);
  });

  it('strips an H prefix and records the halt, on any price field', () => {
    expect(toQuote(entry({ '31': 'H45.00' }), BHP, AT, where)).toMatchObject({
      last: parsePrice('45.00'),
      halted: true,
    });
    expect(toQuote(entry({ '84': 'H44.90', '31': '45.00' }), BHP, AT, where).halted).toBe(true);
  });

  it('reads thousands separators in prices and sizes', () => {
    const quote = toQuote(entry({ '31': '1,234.50', '87': '1,200' }), BHP, AT, where);
    expect(quote.last).toBe(parsePrice('1234.50'));
    expect(quote.volume).toBe(1_200);
  });

  it('falls back to the formatted volume only when the plain one is missing', () => {
    expect(toQuote(entry({ '87': '1.25M' }), BHP, AT, where).volume).toBe(1_250_000);
    expect(toQuote(entry({ '87': '1.25M', '7762': 1_249_876 }), BHP, AT, where).volume).toBe(1_249_876);
  });

  it('uses the request time when the entry carries no update time', () => {
    expect(toQuote(entry({ '31': '45.20' }), BHP, AT, where).at).toBe(AT);
  });

  it.each([
    ['RpB', 'realtime'],
    ['S', 'realtime'],
    ['DPB', 'delayed'],
    ['Z', 'frozen'],
    ['Y', 'frozen'],
    ['N', 'unavailable'],
    [undefined, 'unavailable'],
  ] as const)('reads availability %s as %s', (code, freshness) => {
    expect(freshnessOf(code)).toBe(freshness);
  });

  it('names the endpoint and field of a price it cannot use', () => {
    const attempt = () => toQuote(entry({ '86': '45.213' }), BHP, AT, where);
    expect(attempt).toThrow(UnexpectedResponse);
    expect(attempt).toThrow('GET /iserver/marketdata/snapshot');
    expect(attempt).toThrow('[conid 4036818].86');
  });

  it.each([
    ['980', 980],
    ['980K', 980_000],
    ['1.25M', 1_250_000],
    ['2.5B', 2_500_000_000],
    ['12,345', 12_345],
  ])('reads formatted volume %s', (text, shares) => {
    expect(volumeOf(text)).toBe(shares);
  });

  it('refuses volume text it cannot read', () => {
    expect(() => volumeOf('lots')).toThrow('volume');
  });
});
