import {
  SimulatedExchange,
  type SimulatedExchangeOptions,
} from '../../../src/adapters/simulated/simulated-exchange.js';
import { IBKR_ASX_FIXED } from '../../../src/domain/costs/commission.js';
import type { Bar } from '../../../src/domain/market/bar.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { OrderIntent, OrderType, Side, TimeInForce } from '../../../src/domain/orders/order-intent.js';
import { instrument, type Instrument } from '../../../src/domain/values/instrument.js';
import { dollars } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import type { EpochMs } from '../../../src/domain/values/time.js';

export { ManualClock } from '../../../src/adapters/clock/manual.clock.js';

export const BHP = instrument('BHP', 4_036_812);
export const CBA = instrument('CBA', 4_036_818);

/** 10:00 Sydney (AEDT) on Tuesday 14 January 2025. */
export const OPEN = Date.UTC(2025, 0, 13, 23, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export const minute = (n: number, day = 0): EpochMs => OPEN + day * DAY + n * MINUTE;

export const DEFAULT_OPTIONS: SimulatedExchangeOptions = {
  seed: 42,
  commission: IBKR_ASX_FIXED,
  maxVolumeParticipation: 1,
  slippageBps: 0,
  startingCash: dollars(100_000),
  accountId: 'DU1234567',
  instruments: [BHP, CBA],
};

export function makeExchange(overrides: Partial<SimulatedExchangeOptions> = {}): SimulatedExchange {
  return new SimulatedExchange({ ...DEFAULT_OPTIONS, ...overrides });
}

/** A bar from decimal prices: `bar(minute(1), '10.00', '10.20', '9.90', '10.10')`. */
export function bar(start: EpochMs, open: string, high: string, low: string, close: string, volume = 1_000_000): Bar {
  return {
    start,
    open: parsePrice(open),
    high: parsePrice(high),
    low: parsePrice(low),
    close: parsePrice(close),
    volume,
  };
}

export interface OrderSpec {
  readonly id: string;
  readonly side?: Side;
  readonly type?: OrderType;
  readonly shares: number;
  readonly limit?: string;
  readonly stop?: string;
  readonly tif?: TimeInForce;
  readonly on?: Instrument;
}

/** An order intent with readable defaults: a DAY market buy of BHP. */
export function order(spec: OrderSpec): OrderIntent {
  return {
    clientOrderId: clientOrderId(spec.id),
    instrument: spec.on ?? BHP,
    side: spec.side ?? 'BUY',
    type: spec.type ?? 'MKT',
    quantity: quantity(spec.shares),
    tif: spec.tif ?? 'DAY',
    purpose: 'manual',
    ...(spec.limit === undefined ? {} : { limitPrice: parsePrice(spec.limit) }),
    ...(spec.stop === undefined ? {} : { stopPrice: parsePrice(spec.stop) }),
  };
}
