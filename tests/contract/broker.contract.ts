import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrokerError } from '../../src/domain/errors/broker-error.js';
import type { Bar } from '../../src/domain/market/bar.js';
import type { BrokerOrder } from '../../src/domain/orders/broker-order.js';
import { clientOrderId } from '../../src/domain/orders/client-order-id.js';
import type { OrderIntent, OrderType, Side } from '../../src/domain/orders/order-intent.js';
import type { Broker } from '../../src/domain/ports/broker.port.js';
import { asxSymbol, type Instrument } from '../../src/domain/values/instrument.js';
import { parsePrice } from '../../src/domain/values/price.js';
import { quantity } from '../../src/domain/values/quantity.js';

/**
 * A broker plus the means to move its market. Every harness must list BHP and CBA (and not ZZZZ), start
 * with at least AUD 100,000 of cash and no positions, let one order take a whole bar's volume, and make
 * the effects of `publishBar` visible through the broker by the time its promise resolves; a bar counts
 * as completed (and the broker's time is past it) once published.
 */
export interface BrokerHarness {
  readonly broker: Broker;
  readonly market: {
    publishBar(symbol: string, bar: Bar): Promise<void>;
    endOfDay(): Promise<void>;
  };
  close(): Promise<void>;
}

export const CONTRACT_SYMBOLS = ['BHP', 'CBA'] as const;
export const CONTRACT_UNKNOWN_SYMBOL = 'ZZZZ';

/** 10:00 Sydney on Tuesday 14 January 2025. */
const SESSION_OPEN = Date.UTC(2025, 0, 13, 23, 0);

interface Prices {
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
}

/**
 * The behaviour Skim relies on from any Broker: only what the port promises, so that the simulated
 * exchange and the Client Portal adapter (against its gateway simulator) can both be held to it.
 */
export function describeBrokerContract(name: string, makeHarness: () => Promise<BrokerHarness>): void {
  describe(`Broker contract: ${name}`, () => {
    let harness: BrokerHarness;
    let broker: Broker;
    let minutes = 0;

    beforeEach(async () => {
      harness = await makeHarness();
      broker = harness.broker;
      minutes = 0;
    });

    afterEach(async () => {
      await harness.close();
    });

    const publish = async (symbol: string, prices: Prices): Promise<Bar> => {
      const bar: Bar = {
        start: SESSION_OPEN + minutes++ * 60_000,
        open: parsePrice(prices.open),
        high: parsePrice(prices.high),
        low: parsePrice(prices.low),
        close: parsePrice(prices.close),
        volume: 1_000_000,
      };
      await harness.market.publishBar(symbol, bar);
      return bar;
    };
    const flat = (price: string): Prices => ({ open: price, high: price, low: price, close: price });
    const resolve = (symbol: string): Promise<Instrument> => broker.resolveInstrument(asxSymbol(symbol));
    const held = async (target: Instrument): Promise<number> =>
      (await broker.positions()).find((p) => p.instrument.conid === target.conid)?.quantity ?? 0;

    it('resolves the symbols it lists', async () => {
      for (const symbol of CONTRACT_SYMBOLS) {
        const found = await resolve(symbol);
        expect(found.symbol).toBe(symbol);
        expect(found.conid).toBeGreaterThan(0);
      }
    });

    it('refuses an unknown symbol with a BrokerError that names it', async () => {
      const failure = resolve(CONTRACT_UNKNOWN_SYMBOL);
      await expect(failure).rejects.toBeInstanceOf(BrokerError);
      await expect(failure).rejects.toThrow(CONTRACT_UNKNOWN_SYMBOL);
    });

    it('connects to an account', async () => {
      const account = await broker.connect();
      expect(account.accountId).not.toBe('');
      expect(account.currency).toBe('AUD');
    });

    it('quotes the last price after a bar', async () => {
      const bhp = await resolve('BHP');
      await publish('BHP', { open: '45.00', high: '45.50', low: '44.80', close: '45.20' });

      const [quote] = await broker.quotes([bhp]);

      expect(quote?.instrument.conid).toBe(bhp.conid);
      expect(quote?.last).toBe(parsePrice('45.20'));
    });

    it('fills a market buy on the next bar', async () => {
      const bhp = await resolve('BHP');
      await publish('BHP', flat('45.00'));
      const placed = await broker.placeOrder(intent(bhp, 'buy-1', 'BUY', 'MKT', 100));
      expect(['pending', 'working']).toContain(placed.status);

      const next = await publish('BHP', { open: '45.10', high: '45.40', low: '45.00', close: '45.30' });

      const filled = await broker.findOrder(placed.clientOrderId);
      expect(filled).toMatchObject({ status: 'filled', filledQuantity: 100 });
      const fills = (await broker.fills(0)).filter((f) => f.clientOrderId === placed.clientOrderId);
      expect(fills.reduce((n, f) => n + f.quantity, 0)).toBe(100);
      for (const fill of fills) {
        expect(fill.price).toBeGreaterThanOrEqual(next.low);
        expect(fill.price).toBeLessThanOrEqual(next.high);
      }
      expect(await held(bhp)).toBe(100);
    });

    it('triggers a buy-stop only once a bar trades above the stop', async () => {
      const bhp = await resolve('BHP');
      await publish('BHP', flat('45.00'));
      const stop = await broker.placeOrder(intent(bhp, 'entry-1', 'BUY', 'STP', 100, { stopPrice: '45.50' }));

      await publish('BHP', { open: '45.00', high: '45.40', low: '44.90', close: '45.30' });
      expect((await broker.findOrder(stop.clientOrderId))?.filledQuantity).toBe(0);
      expect(await broker.fills(0)).toEqual([]);

      await publish('BHP', { open: '45.30', high: '45.80', low: '45.20', close: '45.70' });
      expect((await broker.findOrder(stop.clientOrderId))?.status).toBe('filled');
      const [fill] = await broker.fills(0);
      expect(fill?.price).toBeGreaterThanOrEqual(parsePrice('45.50'));
    });

    it('keeps a single order when the same client order id is sent twice', async () => {
      const bhp = await resolve('BHP');
      await publish('BHP', flat('45.00'));
      const order = intent(bhp, 'buy-1', 'BUY', 'MKT', 100);

      const first = await broker.placeOrder(order);
      const second = await broker.placeOrder(order);
      expect(second.brokerOrderId).toBe(first.brokerOrderId);
      expect((await broker.openOrders()).filter((o) => o.clientOrderId === order.clientOrderId)).toHaveLength(1);

      await publish('BHP', flat('45.10'));
      const third = await broker.placeOrder(order);
      await publish('BHP', flat('45.20'));

      expect(third.brokerOrderId).toBe(first.brokerOrderId);
      expect((await broker.fills(0)).reduce((n, f) => n + f.quantity, 0)).toBe(100);
      expect(await held(bhp)).toBe(100);
    });

    it('cancels an open order, which then never fills', async () => {
      const bhp = await resolve('BHP');
      await publish('BHP', flat('45.00'));
      const placed = await broker.placeOrder(intent(bhp, 'dip-1', 'BUY', 'LMT', 100, { limitPrice: '44.00' }));
      await publish('BHP', flat('45.00'));

      const cancelled = await broker.cancelOrder(placed.clientOrderId);
      await publish('BHP', { open: '44.50', high: '44.50', low: '43.50', close: '43.80' });

      expect(cancelled.status).toBe('cancelled');
      expect((await broker.findOrder(placed.clientOrderId))?.status).toBe('cancelled');
      expect(await broker.openOrders()).toEqual([]);
      expect(await broker.fills(0)).toEqual([]);
    });

    it('ends DAY orders with the day', async () => {
      const bhp = await resolve('BHP');
      await publish('BHP', flat('45.00'));
      const placed = await broker.placeOrder(intent(bhp, 'dip-1', 'BUY', 'LMT', 100, { limitPrice: '44.00' }));
      await publish('BHP', flat('45.00'));

      await harness.market.endOfDay();

      expect((await broker.openOrders()).map((o) => o.clientOrderId)).not.toContain(placed.clientOrderId);
      expect((await broker.findOrder(placed.clientOrderId))?.status).toBe('cancelled');
    });

    it('reports positions that agree with its fills', async () => {
      const [bhp, cba] = [await resolve('BHP'), await resolve('CBA')];
      await publish('BHP', flat('45.00'));
      await publish('CBA', flat('150.00'));
      await broker.placeOrder(intent(bhp, 'bhp-buy', 'BUY', 'MKT', 300));
      await broker.placeOrder(intent(cba, 'cba-buy', 'BUY', 'MKT', 50));
      await publish('BHP', flat('45.10'));
      await publish('CBA', flat('150.50'));
      await broker.placeOrder(intent(bhp, 'bhp-sell', 'SELL', 'MKT', 120));
      await broker.placeOrder(intent(cba, 'cba-sell', 'SELL', 'MKT', 50));
      await publish('BHP', flat('45.30'));
      await publish('CBA', flat('151.00'));

      const fills = await broker.fills(0);
      const net = (target: Instrument): number =>
        fills
          .filter((f) => f.instrument.conid === target.conid)
          .reduce((n, f) => n + (f.side === 'BUY' ? f.quantity : -f.quantity), 0);
      expect(await held(bhp)).toBe(net(bhp));
      expect(net(bhp)).toBe(180);
      expect(await held(cba)).toBe(0);
      expect((await broker.positions()).every((p) => p.quantity > 0)).toBe(true);
    });

    it('never sells more than the account holds', async () => {
      const bhp = await resolve('BHP');
      await publish('BHP', flat('45.00'));
      await broker.placeOrder(intent(bhp, 'buy-1', 'BUY', 'MKT', 100));
      await publish('BHP', flat('45.00'));

      const oversell = await refusedOrRejected(broker.placeOrder(intent(bhp, 'sell-150', 'SELL', 'MKT', 150)));
      await broker.placeOrder(intent(bhp, 'stop-100', 'SELL', 'STP', 100, { stopPrice: '40.00' }));
      const stacked = await refusedOrRejected(broker.placeOrder(intent(bhp, 'sell-50', 'SELL', 'MKT', 50)));
      await publish('BHP', flat('45.10'));

      expect(oversell).toBe(true);
      expect(stacked).toBe(true);
      expect(await held(bhp)).toBe(100);
      expect((await broker.fills(0)).filter((f) => f.side === 'SELL')).toEqual([]);
    });
  });
}

/** True when the broker refused the order outright (BrokerError) or accepted it only as rejected. */
async function refusedOrRejected(placing: Promise<BrokerOrder>): Promise<boolean> {
  try {
    return (await placing).status === 'rejected';
  } catch (error) {
    if (error instanceof BrokerError) return true;
    throw error;
  }
}

function intent(
  target: Instrument,
  id: string,
  side: Side,
  type: OrderType,
  shares: number,
  prices: { limitPrice?: string; stopPrice?: string } = {},
): OrderIntent {
  return {
    clientOrderId: clientOrderId(`contract-${id}`),
    instrument: target,
    side,
    type,
    quantity: quantity(shares),
    tif: 'DAY',
    purpose: 'manual',
    ...(prices.limitPrice === undefined ? {} : { limitPrice: parsePrice(prices.limitPrice) }),
    ...(prices.stopPrice === undefined ? {} : { stopPrice: parsePrice(prices.stopPrice) }),
  };
}
