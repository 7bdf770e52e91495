import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FIELDS } from '../../../src/adapters/clientportal/mappers/quote.mapper.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { brokersPerTest } from './support/broker-harness.js';
import { fixture, listFixture } from './support/fixtures.js';

const BHP = instrument('BHP', 4036818);
const CBA = instrument('CBA', 4948);
const FIELDS = SNAPSHOT_FIELDS.join(',');
const snapshotPath = (...conids: number[]) =>
  `/iserver/marketdata/snapshot?conids=${conids.join(',')}&fields=${FIELDS}`;

describe('market data snapshots', () => {
  const brokers = brokersPerTest();

  it('asks again after the pre-flight answer and maps the values', async () => {
    const harness = brokers.fresh({ preflightDelayMs: 500 });
    const start = harness.clock.now();
    harness.gateway
      .ok('GET', snapshotPath(4036818, 4948), fixture('snapshot-preflight'))
      .ok('GET', snapshotPath(4036818, 4948), fixture('snapshot-values'));
    const [bhp, cba] = await harness.broker.quotes([BHP, CBA]);
    expect(harness.clock.sleeps).toContain(start + 500);
    expect(bhp).toMatchObject({
      instrument: BHP,
      last: parsePrice('45.20'),
      open: parsePrice('45.00'),
      high: parsePrice('45.48'),
      low: parsePrice('44.90'),
      previousClose: parsePrice('44.10'),
      volume: 1_254_321,
      freshness: 'realtime',
    });
    expect(cba).toMatchObject({
      last: parsePrice('152.30'),
      lastIsPreviousClose: true,
      volume: 980_000,
      freshness: 'delayed',
    });
    harness.gateway.assertAllUsed();
  });

  it('asks again only for the conids still without values', async () => {
    const harness = brokers.fresh();
    const [bhpValues, cbaValues] = listFixture('snapshot-values');
    const [, cbaPreflight] = listFixture('snapshot-preflight');
    harness.gateway
      .ok('GET', snapshotPath(4036818, 4948), [bhpValues, cbaPreflight])
      .ok('GET', snapshotPath(4948), [cbaValues]);
    const quotes = await harness.broker.quotes([BHP, CBA]);
    expect(quotes.map((quote) => quote.freshness)).toEqual(['realtime', 'delayed']);
    harness.gateway.assertAllUsed();
  });

  it('reports a conid that never receives data as a quote with no data, after a bounded number of tries', async () => {
    const harness = brokers.fresh({ maxPreflightRounds: 2 });
    const [bhpPreflight] = listFixture('snapshot-preflight');
    harness.gateway.ok('GET', snapshotPath(4036818), [bhpPreflight], 3);
    const [quote] = await harness.broker.quotes([BHP]);
    expect(quote).toMatchObject({ instrument: BHP, freshness: 'unavailable', halted: false });
    expect(quote?.last).toBeUndefined();
    expect(harness.gateway.calls()).toHaveLength(3);
  });

  it('splits more than 100 conids into several requests', async () => {
    const harness = brokers.fresh();
    const many = Array.from({ length: 150 }, (_, index) => instrument('BHP', 1_000 + index));
    const withValues = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({ conid: from + index, '31': '10.00', '6509': 'R' }));
    harness.gateway
      .ok('GET', snapshotPath(...many.slice(0, 100).map((item) => item.conid)), withValues(1_000, 100))
      .ok('GET', snapshotPath(...many.slice(100).map((item) => item.conid)), withValues(1_100, 50));
    const quotes = await harness.broker.quotes(many);
    expect(quotes).toHaveLength(150);
    expect(quotes.every((quote) => quote.last === parsePrice('10.00'))).toBe(true);
    expect(harness.gateway.calls()).toHaveLength(2);
  });

  it('names the field when the gateway sends a value of the wrong kind', async () => {
    const harness = brokers.fresh();
    harness.gateway.ok('GET', snapshotPath(4036818), [{ conid: 4036818, '31': { price: 45.2 } }]);
    await expect(harness.broker.quotes([BHP])).rejects.toMatchObject({
      endpoint: 'GET /iserver/marketdata/snapshot',
      path: '[0].31',
    });
  });
});
