import { describe, expect, it } from 'vitest';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { brokersPerTest } from './support/broker-harness.js';
import { fixture, listFixture, objectFixture } from './support/fixtures.js';

const POSITIONS = '/portfolio/DU1234567/positions';

describe('portfolio', () => {
  const brokers = brokersPerTest();

  it('invalidates the cache, reads the positions and leaves out flat ones', async () => {
    const harness = await brokers.connected();
    harness.gateway
      .ok('POST', `${POSITIONS}/invalidate`, { message: 'success' })
      .ok('GET', `${POSITIONS}/0`, fixture('positions-page0'));
    await expect(harness.broker.positions()).resolves.toEqual([
      { instrument: instrument('CBA', 4948), quantity: 50, averageCostMills: 152_305 },
    ]);
    expect(harness.gateway.requestLines().slice(3)).toEqual([`POST ${POSITIONS}/invalidate`, `GET ${POSITIONS}/0`]);
  });

  it('pages until a page comes back short', async () => {
    const harness = await brokers.connected();
    const [row] = listFixture('positions-page0');
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({ ...row, conid: from + index, ticker: 'CBA', position: 1 }));
    harness.gateway
      .ok('POST', `${POSITIONS}/invalidate`, {})
      .ok('GET', `${POSITIONS}/0`, page(1, 100))
      .ok('GET', `${POSITIONS}/1`, page(101, 3));
    await expect(harness.broker.positions()).resolves.toHaveLength(103);
    harness.gateway.assertAllUsed();
  });

  it('refuses a short position it cannot represent, naming the conid', async () => {
    const harness = await brokers.connected();
    const [row] = listFixture('positions-page0');
    harness.gateway.ok('POST', `${POSITIONS}/invalidate`, {}).ok('GET', `${POSITIONS}/0`, [{ ...row, position: -20 }]);
    await expect(harness.broker.positions()).rejects.toThrow('short position of 20 in conid 4948');
  });

  it('reads the account summary as Money', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', '/portfolio/DU1234567/summary', fixture('account-summary'));
    await expect(harness.broker.accountSummary()).resolves.toEqual({
      accountId: 'DU1234567',
      netLiquidation: money(100_523_450),
      availableFunds: money(92_903_450),
      cash: money(92_903_450),
    });
  });

  it('names the field when the summary lacks a figure', async () => {
    const harness = await brokers.connected();
    const { availablefunds: _dropped, ...rest } = objectFixture('account-summary');
    harness.gateway.ok('GET', '/portfolio/DU1234567/summary', rest);
    await expect(harness.broker.accountSummary()).rejects.toMatchObject({
      endpoint: 'GET /portfolio/DU1234567/summary',
      path: 'availablefunds',
    });
  });

  it('leaves out positions that are not stocks', async () => {
    const harness = await brokers.connected();
    const [row] = listFixture('positions-page0');
    harness.gateway
      .ok('POST', `${POSITIONS}/invalidate`, {})
      .ok('GET', `${POSITIONS}/0`, [row, { ...row, conid: 123, assetClass: 'CASH', ticker: 'AUD.USD' }]);
    await expect(harness.broker.positions()).resolves.toHaveLength(1);
  });

  it('names the row and field when a position has no symbol', async () => {
    const harness = await brokers.connected();
    const [row] = listFixture('positions-page0');
    harness.gateway
      .ok('POST', `${POSITIONS}/invalidate`, {})
      .ok('GET', `${POSITIONS}/0`, [{ ...row, ticker: null, contractDesc: null }]);
    await expect(harness.broker.positions()).rejects.toMatchObject({
      endpoint: 'GET /portfolio/DU1234567/positions/0',
      path: '[0].ticker',
    });
  });
});
