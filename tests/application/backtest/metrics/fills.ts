import { sydneyLocalToEpoch } from '../../../../src/domain/market/sydney-time.js';
import { deriveClientOrderId } from '../../../../src/domain/orders/client-order-id.js';
import type { Fill } from '../../../../src/domain/orders/fill.js';
import type { OrderPurpose, Side } from '../../../../src/domain/orders/order-intent.js';
import { instrument, type Instrument } from '../../../../src/domain/values/instrument.js';
import { money, type Money } from '../../../../src/domain/values/money.js';
import { price } from '../../../../src/domain/values/price.js';
import { quantity } from '../../../../src/domain/values/quantity.js';
import { localDate } from '../../../../src/domain/values/time.js';
import type { EquityPoint } from '../../../../src/application/backtest/metrics/equity-point.js';

export const BHP = instrument('BHP', 4036812);
export const CBA = instrument('CBA', 4036818);

let sequence = 0;

export interface FillSpec {
  readonly on: string;
  readonly time?: string;
  readonly side: Side;
  readonly shares: number;
  readonly price: number;
  readonly commission?: number;
  readonly purpose?: OrderPurpose;
  readonly instrument?: Instrument;
}

/** A fill on Sydney date `on` at `time`, prices and commission in mills, with a Skim client order id. */
export function fill(spec: FillSpec): Fill {
  sequence += 1;
  const date = localDate(spec.on);
  const target = spec.instrument ?? BHP;
  const purpose = spec.purpose ?? (spec.side === 'BUY' ? 'entry' : 'manual');
  return {
    executionId: `exec-${sequence}`,
    clientOrderId: deriveClientOrderId(date, target.symbol, purpose, sequence),
    brokerOrderId: `order-${sequence}`,
    instrument: target,
    side: spec.side,
    quantity: quantity(spec.shares),
    price: price(spec.price),
    commission: money(spec.commission ?? 6000),
    at: sydneyLocalToEpoch(date, spec.time ?? '10:30'),
  };
}

/** Equity points from [date, mills] pairs. */
export function equity(points: readonly (readonly [string, number])[]): EquityPoint[] {
  return points.map(([date, value]) => ({ date: localDate(date), equity: money(value) }));
}

export const cash = (mills: number): Money => money(mills);
