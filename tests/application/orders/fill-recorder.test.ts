import { describe, expect, it } from 'vitest';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { OrderIntent } from '../../../src/domain/orders/order-intent.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { at, flatBar, watch } from '../trading/support/market-script.js';
import { TradingWorld } from '../trading/support/trading-world.js';

const DAY = '2025-07-15';
const ABC = instrument('ABC', 9_801);
const ID = clientOrderId('skim-20250715-ABC-entry-1');

const marketBuy: OrderIntent = {
  clientOrderId: ID,
  instrument: ABC,
  side: 'BUY',
  type: 'MKT',
  quantity: quantity(1000),
  tif: 'DAY',
  purpose: 'entry',
};

/** A market entry that filled on the 10:30 bar: 400 shares, then 600 on the next bar. */
async function filledEntry() {
  const w = new TradingWorld({ start: at(DAY, '10:30'), instruments: [ABC] });
  const candidate = watch(w, ABC, DAY);
  w.repository.candidates.save({ ...candidate, status: 'entered', lowOfDay: parsePrice('1.90') });
  w.exchange.publishQuote(ABC, { at: at(DAY, '10:30'), last: parsePrice('2.00') });
  await w.submitter.submit(marketBuy);
  w.exchange.publishBar(ABC, flatBar(DAY, '10:30', '2.00', 400));
  w.exchange.publishBar(ABC, flatBar(DAY, '10:31', '2.01', 10_000));
  w.clock.set(at(DAY, '10:32'));
  return w;
}

describe('FillRecorder', () => {
  it('records each execution once, however often it is synced', async () => {
    const w = await filledEntry();

    const first = await w.fills.sync(at(DAY, '00:00'));
    const second = await w.fills.sync(at(DAY, '00:00'));

    expect(first.map((fill) => fill.quantity)).toEqual([400, 600]);
    expect(second).toEqual([]);
    expect(w.repository.positions.get(ID)).toMatchObject({
      quantity: 1000,
      costBasis: money(400 * 2000 + 600 * 2010),
      stopPrice: parsePrice('1.90'),
    });
  });

  it('does not count shares twice when the broker reported the order filled before its fills arrived', async () => {
    const w = await filledEntry();
    await w.orderStatus.refresh();
    expect(w.repository.journal.get(ID)).toMatchObject({ state: 'filled', filledQuantity: 1000 });

    await w.fills.sync(at(DAY, '00:00'));

    expect(w.repository.journal.get(ID)).toMatchObject({ state: 'filled', filledQuantity: 1000 });
  });

  it('closes the position with reason stop when a stop order sells it', async () => {
    const w = await filledEntry();
    await w.manage.run();
    w.exchange.publishBar(ABC, flatBar(DAY, '10:40', '1.85'));
    w.clock.set(at(DAY, '10:41'));

    await w.fills.sync(at(DAY, '00:00'));

    expect(w.repository.positions.get(ID)).toMatchObject({
      status: 'closed',
      exits: [{ reason: 'stop', quantity: 1000, price: parsePrice('1.85') }],
    });
  });
});
