import { describe, expect, it } from 'vitest';
import { SimulatedBroker } from '../../../src/adapters/simulated/simulated.broker.js';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { asxSymbol, instrument } from '../../../src/domain/values/instrument.js';
import { BHP, DAY, ManualClock, bar, makeExchange, minute, order } from './exchange-fixture.js';

function setUp() {
  const exchange = makeExchange();
  const clock = new ManualClock(minute(0));
  return { exchange, clock, broker: new SimulatedBroker(exchange, clock) };
}

describe('SimulatedBroker', () => {
  it('connects to the exchange’s paper account', async () => {
    const { broker } = setUp();
    await expect(broker.connect()).resolves.toEqual({ accountId: 'DU1234567', isPaper: true, currency: 'AUD' });
  });

  it('resolves listed symbols and names the unknown one in its error', async () => {
    const { broker } = setUp();
    await expect(broker.resolveInstrument(asxSymbol('BHP'))).resolves.toEqual(BHP);
    const failure = broker.resolveInstrument(asxSymbol('NOPE'));
    await expect(failure).rejects.toBeInstanceOf(BrokerError);
    await expect(failure).rejects.toThrow(/NOPE/);
  });

  it('returns only bars in [from, to) that had completed by the clock’s time', async () => {
    const { exchange, clock, broker } = setUp();
    for (let i = 0; i < 5; i++) exchange.publishBar(BHP, bar(minute(i), '10.00', '10.00', '10.00', '10.00'));
    clock.set(minute(4) + 30_000);

    const bars = await broker.bars(BHP, { size: '1min', from: minute(1), to: minute(10) });

    expect(bars.map((b) => b.start)).toEqual([minute(1), minute(2), minute(3)]);
  });

  it('serves daily bars once the day has closed', async () => {
    const { exchange, clock, broker } = setUp();
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.50', '9.50', '10.20'));
    exchange.endOfDay();
    clock.set(minute(0, 1));

    const bars = await broker.bars(BHP, { size: '1d', from: minute(0) - DAY, to: minute(0, 1) });

    expect(bars).toEqual([bar(minute(0), '10.00', '10.50', '9.50', '10.20')]);
  });

  it('places orders at the clock’s time and finds them by client order id', async () => {
    const { exchange, clock, broker } = setUp();
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.00', '10.00', '10.00'));
    clock.set(minute(1) + 1_000);

    const placed = await broker.placeOrder(order({ id: 'buy-1', shares: 10 }));
    exchange.publishBar(BHP, bar(minute(2), '10.00', '10.00', '10.00', '10.00'));

    expect(placed.updatedAt).toBe(minute(1) + 1_000);
    await expect(broker.findOrder(clientOrderId('buy-1'))).resolves.toMatchObject({ status: 'filled' });
    await expect(broker.fills(minute(2))).resolves.toHaveLength(1);
    await expect(broker.fills(minute(3))).resolves.toHaveLength(0);
  });

  it('turns refusals of unknown things into BrokerErrors', async () => {
    const { broker } = setUp();
    await expect(broker.cancelOrder(clientOrderId('ghost'))).rejects.toThrow(/cancelOrder failed: .*ghost/);
    await expect(broker.quotes([instrument('ZZZ', 5)])).rejects.toThrow(/quotes failed: ZZZ/);
    await expect(broker.bars(instrument('BHP', 5), { size: '1min', from: 0, to: 1 })).rejects.toBeInstanceOf(
      BrokerError,
    );
  });
});
