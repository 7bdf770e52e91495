import { describe, expect, it } from 'vitest';
import { instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { at, checkedSession, flatBar, holdPosition, seedDailyCloses } from './support/market-script.js';
import { TradingWorld } from './support/trading-world.js';

const ABC = instrument('ABC', 9_301);

const openSells = (world: TradingWorld) =>
  world.exchange
    .openOrders()
    .filter((order) => order.side === 'SELL')
    .map((order) => [order.clientOrderId, order.type, order.quantity - order.filledQuantity, order.stopPrice]);

describe('ManagePositionsUseCase', () => {
  it('places the protective stop once the entry fills and replaces it when a partial entry grows', async () => {
    const day = '2025-07-15';
    const world = new TradingWorld({ start: at(day, '08:00'), instruments: [ABC] });
    await holdPosition(world, ABC, { date: day, shares: 1000, price: '1.10', stop: '1.000', volume: 400 });
    expect(openSells(world)).toEqual([['skim-20250715-ABC-stop-1', 'STP', 400, parsePrice('1.000')]]);

    world.exchange.publishBar(ABC, flatBar(day, '10:31', '1.10'));
    world.clock.set(at(day, '10:32'));
    await world.manage.run();

    expect(world.repository.positions.withStatus(['open'])).toMatchObject([{ quantity: 1000 }]);
    expect(openSells(world)).toEqual([['skim-20250715-ABC-stop-2', 'STP', 1000, parsePrice('1.000')]]);
    expect(world.exchange.orders().map((order) => [order.clientOrderId, order.status])).toContainEqual([
      'skim-20250715-ABC-stop-1',
      'cancelled',
    ]);
  });

  it('keeps exactly one stop across repeated checks', async () => {
    const day = '2025-07-15';
    const world = new TradingWorld({ start: at(day, '08:00'), instruments: [ABC] });
    await holdPosition(world, ABC, { date: day, shares: 1000, price: '1.10', stop: '1.000' });

    world.clock.set(at(day, '10:35'));
    await world.manage.run();
    await world.manage.run();

    expect(openSells(world)).toHaveLength(1);
    expect(world.exchange.orders()).toHaveLength(2);
  });

  it('sells the smaller half at market on the third trading day, counting past a weekend and Easter', async () => {
    const world = new TradingWorld({ start: at('2025-04-16', '08:00'), instruments: [ABC] });
    await holdPosition(world, ABC, { date: '2025-04-16', shares: 1001, price: '2.00', stop: '1.90' });
    world.exchange.endOfDay(at('2025-04-16', '16:00'));

    // Thu 17 is day 1; Good Friday, the weekend and Easter Monday do not count; Tue 22 is day 2.
    await checkedSession(world, ABC, '2025-04-17', '2.05');
    await checkedSession(world, ABC, '2025-04-22', '2.05');
    expect(world.repository.journal.all().filter((e) => e.intent.purpose === 'day3_half')).toEqual([]);

    await checkedSession(world, ABC, '2025-04-23', '2.10');

    const [position] = world.repository.positions.withStatus(['half_exited']);
    expect(position).toMatchObject({
      quantity: 501,
      exits: [{ reason: 'day3_half', quantity: 500, price: parsePrice('2.10') }],
    });
    expect(openSells(world)).toEqual([['skim-20250416-ABC-stop-2', 'STP', 501, parsePrice('1.90')]]);
    expect(world.exchange.orders().filter((order) => order.status === 'rejected')).toEqual([]);
  });

  it('waits for the stock’s own staggered open before sending the half exit', async () => {
    const late = instrument('SXY', 9_302);
    const world = new TradingWorld({ start: at('2025-04-16', '08:00'), instruments: [late] });
    await holdPosition(world, late, { date: '2025-04-16', shares: 1000, price: '2.00', stop: '1.90' });

    world.clock.set(at('2025-04-23', '10:05'));
    await world.manage.run();
    expect(world.exchange.orders().filter((order) => order.type === 'MKT' && order.side === 'SELL')).toEqual([]);

    world.clock.set(at('2025-04-23', '10:09'));
    await world.manage.run();
    expect(world.exchange.orders().filter((order) => order.type === 'MKT' && order.side === 'SELL')).toMatchObject([
      { clientOrderId: 'skim-20250423-SXY-half-1', quantity: 500 },
    ]);
  });

  it('sells the remainder at the next open after a daily close below the 10-day SMA', async () => {
    const world = new TradingWorld({ start: at('2025-06-10', '08:00'), instruments: [ABC] });
    seedDailyCloses(world, ABC, '2025-07-01', Array<string>(12).fill('2.00'));
    await holdPosition(world, ABC, { date: '2025-07-01', shares: 1000, price: '2.10', stop: '1.80' });
    world.exchange.endOfDay(at('2025-07-01', '16:00'));
    await checkedSession(world, ABC, '2025-07-02', '2.20');
    await checkedSession(world, ABC, '2025-07-03', '2.30');
    await checkedSession(world, ABC, '2025-07-04', '2.40');
    // Monday: Friday's 2.40 is above its SMA; the day closes at 1.95, below the SMA of 2.095.
    await checkedSession(world, ABC, '2025-07-07', '1.95');
    expect(world.repository.positions.withStatus(['half_exited'])).toHaveLength(1);

    await checkedSession(world, ABC, '2025-07-08', '1.96');

    const [closed] = world.repository.positions.withStatus(['closed']);
    expect(closed?.exits.map((exit) => [exit.reason, exit.quantity, exit.price])).toEqual([
      ['day3_half', 500, parsePrice('2.40')],
      ['sma_trail', 500, parsePrice('1.96')],
    ]);
    expect(world.logged('SMA trail exit due')[0]?.fields).toMatchObject({
      close: '1.95',
      sma: 2.095,
      date: '2025-07-07',
    });
    expect(world.exchange.openOrders()).toEqual([]);
  });

  it('refuses an exit that would sell shares a stop it could not cancel still commits', async () => {
    const world = new TradingWorld({ start: at('2025-04-16', '08:00'), instruments: [ABC] });
    await holdPosition(world, ABC, { date: '2025-04-16', shares: 1000, price: '2.00', stop: '1.90' });
    world.broker.failCancels = true;

    world.clock.set(at('2025-04-23', '10:01'));
    await world.manage.run();

    expect(world.exchange.orders().filter((order) => order.type === 'MKT' && order.side === 'SELL')).toEqual([]);
    expect(world.logged('exit not sent: it would sell more than is free to sell')[0]?.fields).toMatchObject({
      purpose: 'day3_half',
      quantity: 500,
      held: 1000,
      available: 0,
    });
    expect(openSells(world)).toEqual([['skim-20250416-ABC-stop-1', 'STP', 1000, parsePrice('1.90')]]);
  });
});
