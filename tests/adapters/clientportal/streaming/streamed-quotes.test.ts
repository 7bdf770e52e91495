import { describe, expect, it } from 'vitest';
import { toQuote } from '../../../../src/adapters/clientportal/mappers/quote.mapper.js';
import { Located } from '../../../../src/adapters/clientportal/parse.js';
import { snapshotEntrySchema } from '../../../../src/adapters/clientportal/schemas/market-data.schema.js';
import { parseStreamFrame } from '../../../../src/adapters/clientportal/streaming/stream-frame.parser.js';
import { StreamedQuotes } from '../../../../src/adapters/clientportal/streaming/streamed-quotes.js';
import { instrument } from '../../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../../src/domain/values/price.js';

const BHP = instrument('BHP', 8644);

function marketData(text: string) {
  const frame = parseStreamFrame(text);
  if (frame.kind !== 'market-data') throw new Error(`expected market data, got ${frame.kind}`);
  return frame.message;
}

describe('parseStreamFrame', () => {
  it.each([
    ['not json', 'malformed'],
    ['[1,2]', 'malformed'],
    ['{"no":"topic"}', 'malformed'],
    ['{"topic":"smd+8644","31":{"x":1}}', 'malformed'],
    ['{"topic":"sts","args":{}}', 'malformed'],
    ['{"topic":"system","hb":1736809200000}', 'system'],
    ['{"topic":"sts","args":{"authenticated":false}}', 'session'],
    ['{"topic":"sor","args":[]}', 'orders'],
    ['{"topic":"blt","args":{}}', 'ignored'],
    ['{"topic":"zzz+1","x":1}', 'unknown'],
  ])('classifies %s as %s', (text, kind) => {
    expect(parseStreamFrame(text).kind).toBe(kind);
  });

  it('reads a competing session as not authenticated', () => {
    expect(parseStreamFrame('{"topic":"sts","args":{"authenticated":true,"competing":true}}')).toMatchObject({
      kind: 'session',
      authenticated: false,
    });
  });
});

describe('StreamedQuotes', () => {
  it('maps merged updates exactly like the same fields in a REST snapshot', () => {
    const quotes = new StreamedQuotes();
    quotes.apply(BHP, marketData('{"topic":"smd+8644","31":"45.20","84":"45.19","6509":"RpB","_updated":1000}'), 5);
    const { quote } = quotes.apply(
      BHP,
      marketData('{"topic":"smd+8644","86":"45.22","7762":"1,200","_updated":2000}'),
      5,
    );
    const rest = snapshotEntrySchema.parse({
      conid: 8644,
      _updated: 2000,
      '31': '45.20',
      '84': '45.19',
      '86': '45.22',
      '7762': '1,200',
      '6509': 'RpB',
    });
    expect(quote).toEqual(toQuote(rest, BHP, 5, Located.root('test')));
    expect(quote).toMatchObject({ last: parsePrice('45.20'), ask: parsePrice('45.22'), volume: 1200, at: 2000 });
  });

  it('reports a trade only for a real last price, not for C (previous close) or H (halted)', () => {
    const quotes = new StreamedQuotes();
    expect(quotes.apply(BHP, marketData('{"topic":"smd+8644","31":"C45.00","_updated":1}'), 0).trade).toBeUndefined();
    expect(quotes.apply(BHP, marketData('{"topic":"smd+8644","31":"H45.00","_updated":2}'), 0).trade).toBeUndefined();
    expect(quotes.apply(BHP, marketData('{"topic":"smd+8644","84":"45.00","_updated":3}'), 0).trade).toBeUndefined();
    expect(quotes.apply(BHP, marketData('{"topic":"smd+8644","31":"45.01","_updated":4}'), 0).trade).toEqual({
      price: parsePrice('45.01'),
      at: 4,
    });
  });

  it('rejects an off-tick value naming the field and keeps the state it had', () => {
    const quotes = new StreamedQuotes();
    quotes.apply(BHP, marketData('{"topic":"smd+8644","31":"45.20","_updated":1}'), 0);
    expect(() => quotes.apply(BHP, marketData('{"topic":"smd+8644","84":"45.2001","_updated":2}'), 0)).toThrow(/84/);
    const { quote } = quotes.apply(BHP, marketData('{"topic":"smd+8644","86":"45.30","_updated":3}'), 0);
    expect(quote.bid).toBeUndefined();
    expect(quote.last).toBe(parsePrice('45.20'));
  });
});
