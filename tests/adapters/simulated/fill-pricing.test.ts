import { describe, expect, it } from 'vitest';
import { fillPrice, stopTouched, touchPrice, type PricedOrder } from '../../../src/adapters/simulated/fill-pricing.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { bar, minute } from './exchange-fixture.js';

const p = parsePrice;
const marketBuy: PricedOrder = { side: 'BUY', type: 'MKT' };
const marketSell: PricedOrder = { side: 'SELL', type: 'MKT' };
const buyStop = (stop: string): PricedOrder => ({ side: 'BUY', type: 'STP', stopPrice: p(stop) });
const sellStop = (stop: string): PricedOrder => ({ side: 'SELL', type: 'STP', stopPrice: p(stop) });
const buyLimit = (limit: string): PricedOrder => ({ side: 'BUY', type: 'LMT', limitPrice: p(limit) });
const sellLimit = (limit: string): PricedOrder => ({ side: 'SELL', type: 'LMT', limitPrice: p(limit) });

const quiet = bar(minute(1), '10.00', '10.20', '9.90', '10.10');

describe('touch prices before slippage', () => {
  it('fills market orders at the open', () => {
    expect(touchPrice(marketBuy, quiet)).toBe(p('10.00'));
    expect(touchPrice(marketSell, quiet)).toBe(p('10.00'));
  });

  it('triggers a buy-stop only when the high reaches the stop, at the stop when the open is below it', () => {
    expect(touchPrice(buyStop('10.21'), quiet)).toBeUndefined();
    expect(touchPrice(buyStop('10.20'), quiet)).toBe(p('10.20'));
    expect(touchPrice(buyStop('10.05'), quiet)).toBe(p('10.05'));
  });

  it('fills a buy-stop the open gapped over at the open, the worse price', () => {
    const gapUp = bar(minute(1), '10.50', '10.60', '10.40', '10.55');
    expect(touchPrice(buyStop('10.05'), gapUp)).toBe(p('10.50'));
  });

  it('triggers a sell-stop when the low reaches it, at min(stop, open)', () => {
    expect(touchPrice(sellStop('9.85'), quiet)).toBeUndefined();
    expect(touchPrice(sellStop('9.90'), quiet)).toBe(p('9.90'));
    const gapDown = bar(minute(1), '9.50', '9.60', '9.40', '9.55');
    expect(touchPrice(sellStop('9.90'), gapDown)).toBe(p('9.50'));
  });

  it('fills limit orders at their limit or the better open', () => {
    expect(touchPrice(buyLimit('9.89'), quiet)).toBeUndefined();
    expect(touchPrice(buyLimit('9.95'), quiet)).toBe(p('9.95'));
    expect(touchPrice(buyLimit('10.50'), quiet)).toBe(p('10.00'));
    expect(touchPrice(sellLimit('10.21'), quiet)).toBeUndefined();
    expect(touchPrice(sellLimit('10.15'), quiet)).toBe(p('10.15'));
    expect(touchPrice(sellLimit('9.50'), quiet)).toBe(p('10.00'));
  });

  it('knows which side of the bar touches a stop', () => {
    expect(stopTouched('BUY', p('10.20'), quiet)).toBe(true);
    expect(stopTouched('SELL', p('9.85'), quiet)).toBe(false);
    expect(stopTouched('BUY', p('10.25'), quiet)).toBe(false);
    expect(stopTouched('SELL', p('9.90'), quiet)).toBe(true);
  });
});

describe('slippage', () => {
  const wide = bar(minute(1), '10.00', '11.00', '9.00', '10.00');

  it('moves buys up and sells down, rounded to a tick against the trader', () => {
    // 10.00 x 1.0015 = 10.015 -> 10.02 for a buy; 10.00 x 0.9985 = 9.985 -> 9.98 for a sell
    expect(fillPrice(marketBuy, wide, 15)).toBe(p('10.02'));
    expect(fillPrice(marketSell, wide, 15)).toBe(p('9.98'));
  });

  it('rounds with the tick of the band the slipped price lands in', () => {
    const edge = bar(minute(1), '1.995', '2.10', '1.90', '2.00');
    // 1.995 x 1.001 = 1.996995 -> next valid price is 2.00; 2.00 x 0.999 = 1.998 -> 1.995
    expect(fillPrice(marketBuy, edge, 10)).toBe(p('2.00'));
    expect(fillPrice(marketSell, bar(minute(1), '2.00', '2.10', '1.90', '2.00'), 10)).toBe(p('1.995'));
  });

  it('never fills outside the bar or through a limit', () => {
    expect(fillPrice(marketBuy, quiet, 500)).toBe(p('10.20'));
    expect(fillPrice(marketSell, quiet, 500)).toBe(p('9.90'));
    expect(fillPrice(buyLimit('10.05'), quiet, 100)).toBe(p('10.05'));
    expect(fillPrice(sellLimit('9.95'), quiet, 100)).toBe(p('9.95'));
  });

  it('leaves prices alone at zero basis points', () => {
    expect(fillPrice(buyStop('10.05'), quiet, 0)).toBe(p('10.05'));
  });
});
