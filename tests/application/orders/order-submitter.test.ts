import { describe, expect, it } from 'vitest';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { OrderIntent } from '../../../src/domain/orders/order-intent.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { at } from '../trading/support/market-script.js';
import { TradingWorld } from '../trading/support/trading-world.js';

const DAY = '2025-07-15';
const ABC = instrument('ABC', 9_701);
const ID = clientOrderId('skim-20250715-ABC-entry-1');

const buyStop: OrderIntent = {
  clientOrderId: ID,
  instrument: ABC,
  side: 'BUY',
  type: 'STP',
  stopPrice: parsePrice('2.00'),
  quantity: quantity(100),
  tif: 'DAY',
  purpose: 'entry',
};

function world() {
  return new TradingWorld({ start: at(DAY, '10:05'), instruments: [ABC] });
}

describe('OrderSubmitter', () => {
  it('journals the intent before the request goes out', async () => {
    const w = world();
    const journalled: (string | undefined)[] = [];
    const place = w.broker.placeOrder.bind(w.broker);
    w.broker.placeOrder = (intent) => {
      journalled.push(w.repository.journal.get(intent.clientOrderId)?.state);
      return place(intent);
    };

    const outcome = await w.submitter.submit(buyStop);

    expect(journalled).toEqual(['submitting']);
    expect(outcome).toMatchObject({ kind: 'sent', order: { clientOrderId: ID, status: 'pending' } });
    expect(w.repository.journal.get(ID)).toMatchObject({ state: 'pending', brokerOrderId: '1000001' });
  });

  it('answers from the journal for an order it already placed', async () => {
    const w = world();
    await w.submitter.submit(buyStop);

    const again = await w.submitter.submit(buyStop);

    expect(again).toMatchObject({ kind: 'already_known', entry: { state: 'pending' } });
    expect(w.broker.placeCalls).toBe(1);
  });

  it('treats an order whose answer was lost as sent once the broker lists it', async () => {
    const w = world();
    w.broker.loseOrderAnswers = true;

    const outcome = await w.submitter.submit(buyStop);

    expect(outcome).toMatchObject({ kind: 'sent', order: { clientOrderId: ID } });
    expect(w.exchange.orders()).toHaveLength(1);
  });

  it('leaves the order unknown when neither the answer nor a lookup arrives, and never sends it blind', async () => {
    const w = world();
    w.broker.loseOrderAnswers = true;
    w.broker.failLookups = true;

    expect(await w.submitter.submit(buyStop)).toMatchObject({ kind: 'unknown' });
    expect(await w.submitter.submit(buyStop)).toEqual({
      kind: 'unknown',
      reason: 'broker lookup failed; not resending',
    });
    w.broker.failLookups = false;
    expect(await w.submitter.submit(buyStop)).toMatchObject({ kind: 'sent' });

    expect(w.broker.placeCalls).toBe(1);
    expect(w.repository.journal.get(ID)?.state).toBe('pending');
  });

  it('reports a broker rejection with its reason and journals it', async () => {
    const w = world();
    w.exchange.rejectNextOrder('price outside the daily limit');

    const outcome = await w.submitter.submit(buyStop);

    expect(outcome).toEqual({ kind: 'rejected', reason: 'price outside the daily limit' });
    expect(w.repository.journal.get(ID)).toMatchObject({
      state: 'rejected',
      lastError: 'price outside the daily limit',
    });
  });

  it('cancels through the broker and journals the result', async () => {
    const w = world();
    await w.submitter.submit(buyStop);

    const outcome = await w.submitter.cancel(ID);

    expect(outcome).toMatchObject({ kind: 'closed', order: { status: 'cancelled' } });
    expect(w.repository.journal.get(ID)?.state).toBe('cancelled');
  });

  it('counts every send for the orders-per-minute breaker', async () => {
    const w = world();

    await w.submitter.submit(buyStop);
    await w.submitter.submit({ ...buyStop, clientOrderId: clientOrderId('skim-20250715-ABC-entry-2') });

    expect(w.rateMeter.sentInLastMinute(w.clock.now())).toBe(2);
    expect(w.rateMeter.sentInLastMinute(w.clock.now() + 60_000)).toBe(0);
  });
});
