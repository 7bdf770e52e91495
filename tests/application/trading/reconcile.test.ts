import { describe, expect, it } from 'vitest';
import { clientOrderId, deriveClientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { OrderIntent } from '../../../src/domain/orders/order-intent.js';
import { openPosition } from '../../../src/domain/position/position.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { dollars, money } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { localDate } from '../../../src/domain/values/time.js';
import { at, flatBar, seedDailyCloses } from './support/market-script.js';
import { TradingWorld } from './support/trading-world.js';

const DAY = '2025-07-15';
const ABC = instrument('ABC', 9_401);

function buyIntent(id: string, shares: number): OrderIntent {
  return {
    clientOrderId: clientOrderId(id),
    instrument: ABC,
    side: 'BUY',
    type: 'MKT',
    quantity: quantity(shares),
    tif: 'DAY',
    purpose: 'manual',
  };
}

describe('ReconcileUseCase', () => {
  it('adopts a holding the broker has and Skim does not know, with reason reconcile', async () => {
    const world = new TradingWorld({ start: at('2025-07-14', '08:00'), instruments: [ABC] });
    world.exchange.publishQuote(ABC, { at: at('2025-07-14', '10:30'), last: parsePrice('2.00') });
    world.exchange.submitOrder(buyIntent('bought-by-hand', 500), at('2025-07-14', '10:30'));
    world.exchange.publishBar(ABC, flatBar('2025-07-14', '10:30', '2.00'));
    world.exchange.endOfDay(at('2025-07-14', '16:00'));
    world.clock.set(at(DAY, '09:00'));

    const report = await world.reconcile.run();

    expect(report.adopted).toMatchObject([
      { symbol: 'ABC', localQuantity: 0, brokerQuantity: 500, price: parsePrice('2.00') },
    ]);
    const [position] = world.repository.positions.withStatus(['open']);
    expect(position).toMatchObject({
      id: 'skim-20250715-ABC-reconcile-1',
      quantity: 500,
      costBasis: money(1_000_000),
      stopPrice: parsePrice('1.70'),
      entryDate: DAY,
    });
  });

  it('closes a position the broker does not hold at the last known price, with reason reconcile', async () => {
    const world = new TradingWorld({ start: at('2025-07-10', '08:00'), instruments: [ABC] });
    seedDailyCloses(world, ABC, DAY, ['2.05', '2.10']);
    world.clock.set(at(DAY, '09:00'));
    world.repository.positions.save(
      openPosition({
        id: 'skim-20250711-ABC-entry-1',
        instrument: ABC,
        entryDate: localDate('2025-07-11'),
        stopPrice: parsePrice('1.90'),
        fill: {
          quantity: quantity(400),
          price: parsePrice('2.00'),
          commission: dollars(6),
          at: at('2025-07-11', '10:10'),
        },
      }),
    );

    const report = await world.reconcile.run();

    expect(report.closed).toMatchObject([
      { symbol: 'ABC', localQuantity: 400, brokerQuantity: 0, price: parsePrice('2.10') },
    ]);
    const [closed] = world.repository.positions.withStatus(['closed']);
    expect(closed?.exits).toEqual([
      { reason: 'reconcile', quantity: 400, price: parsePrice('2.10'), commission: 0, at: at(DAY, '09:00') },
    ]);
  });

  it('marks an order journalled but never placed as cancelled instead of sending it', async () => {
    const world = new TradingWorld({ start: at(DAY, '09:00'), instruments: [ABC] });
    const id = deriveClientOrderId(localDate(DAY), 'ABC', 'entry');
    world.repository.journal.open({
      clientOrderId: id,
      intent: { ...buyIntent(id, 100), purpose: 'entry' },
      state: 'submitting',
      filledQuantity: 0,
      createdAt: world.clock.now(),
      updatedAt: world.clock.now(),
    });

    const report = await world.reconcile.run();

    expect(report.orders).toEqual([
      { clientOrderId: id, from: 'submitting', to: 'cancelled', note: 'not at the broker: the order was never placed' },
    ]);
    expect(world.exchange.orders()).toEqual([]);
  });

  it('records fills the broker made while Skim was away', async () => {
    const world = new TradingWorld({ start: at(DAY, '09:00'), instruments: [ABC] });
    world.exchange.publishQuote(ABC, { at: at(DAY, '10:30'), last: parsePrice('2.00') });
    await world.submitter.submit({ ...buyIntent('skim-20250715-ABC-entry-1', 300), purpose: 'entry' });
    world.exchange.publishBar(ABC, flatBar(DAY, '10:30', '2.00'));
    world.clock.set(at(DAY, '10:45'));

    const report = await world.reconcile.run();

    expect(report.fillsRecorded).toBe(1);
    expect(report.adopted).toEqual([]);
    expect(world.repository.positions.withStatus(['open'])).toMatchObject([{ quantity: 300 }]);
  });

  it('reports no change when the books already agree with the broker', async () => {
    const world = new TradingWorld({ start: at(DAY, '09:00'), instruments: [ABC] });

    const report = await world.reconcile.run();

    expect(report).toEqual({
      at: at(DAY, '09:00'),
      orders: [],
      fillsRecorded: 0,
      adopted: [],
      closed: [],
      adjusted: [],
      unresolved: [],
    });
  });
});
