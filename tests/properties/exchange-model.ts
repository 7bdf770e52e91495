import fc from 'fast-check';
import { SimulatedExchange } from '../../src/adapters/simulated/simulated-exchange.js';
import { IBKR_ASX_FIXED, type CommissionSchedule } from '../../src/domain/costs/commission.js';
import type { Bar } from '../../src/domain/market/bar.js';
import type { BrokerOrder } from '../../src/domain/orders/broker-order.js';
import { clientOrderId } from '../../src/domain/orders/client-order-id.js';
import type { OrderIntent, OrderType, Side, TimeInForce } from '../../src/domain/orders/order-intent.js';
import { instrument, type Instrument } from '../../src/domain/values/instrument.js';
import { money } from '../../src/domain/values/money.js';
import { priceRoundedDown, type Price } from '../../src/domain/values/price.js';
import { quantity } from '../../src/domain/values/quantity.js';

/** Random order flow and bars for one or two instruments, replayed against a fresh exchange. */
export const INSTRUMENTS: readonly Instrument[] = [instrument('BHP', 1_001), instrument('CBA', 1_002)];
const START = Date.UTC(2025, 0, 13, 23, 0);
const MINUTE = 60_000;

export type Command =
  | {
      readonly kind: 'submit';
      readonly id: number;
      readonly on: number;
      readonly side: Side;
      readonly type: OrderType;
      readonly shares: number;
      /** For sells: the share of the current holding to sell (above 1 tries to oversell). */
      readonly portion: number;
      readonly price: Price;
      readonly tif: TimeInForce;
    }
  | { readonly kind: 'bar'; readonly on: number; readonly bar: Omit<Bar, 'start'> }
  | { readonly kind: 'cancel'; readonly id: number }
  | { readonly kind: 'endOfDay' };

export interface Scenario {
  readonly seed: number;
  /** Participation as whole percent, so tests can compute the cap in exact integers. */
  readonly participationPct: number;
  readonly slippageBps: number;
  readonly startingCashMills: number;
  readonly rejectionRate: number;
  readonly commission: CommissionSchedule;
  readonly commands: readonly Command[];
}

/** Prices on valid ticks around the $2.00 band edge, where the tick changes from 0.005 to 0.01. */
const priceArb = fc.integer({ min: 1_500, max: 3_000 }).map((mills) => priceRoundedDown(mills));

const barArb = fc
  .tuple(priceArb, priceArb, priceArb, priceArb, fc.integer({ min: 0, max: 3_000 }))
  .map(([a, b, c, d, volume]) => ({
    open: a,
    close: b,
    high: [a, b, c, d].reduce((x, y) => (y > x ? y : x)),
    low: [a, b, c, d].reduce((x, y) => (y < x ? y : x)),
    volume,
  }));

const submitArb = fc.record({
  kind: fc.constant('submit' as const),
  id: fc.integer({ min: 0, max: 40 }),
  on: fc.integer({ min: 0, max: INSTRUMENTS.length - 1 }),
  side: fc.constantFrom<Side>('BUY', 'BUY', 'SELL'),
  type: fc.constantFrom<OrderType>('MKT', 'LMT', 'STP'),
  shares: fc.integer({ min: 1, max: 1_500 }),
  portion: fc.constantFrom(0.25, 0.5, 1, 1, 1.2),
  price: priceArb,
  tif: fc.constantFrom<TimeInForce>('DAY', 'GTC'),
});

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: submitArb },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('bar' as const), on: fc.integer({ min: 0, max: 1 }), bar: barArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), id: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'endOfDay' as const }) },
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer(),
  participationPct: fc.constantFrom(1, 5, 10, 29, 50, 100),
  slippageBps: fc.integer({ min: 0, max: 60 }),
  startingCashMills: fc.integer({ min: 500, max: 20_000 }).map((dollarsCount) => dollarsCount * 1_000),
  rejectionRate: fc.constantFrom(0, 0, 0.2),
  commission: fc.constantFrom<CommissionSchedule>(IBKR_ASX_FIXED, { kind: 'fixed', rateBps: 10, minimum: money(0) }),
  commands: fc.array(commandArb, { minLength: 10, maxLength: 100, size: 'max' }),
});

export function exchangeFor(scenario: Scenario): SimulatedExchange {
  return new SimulatedExchange({
    seed: scenario.seed,
    commission: scenario.commission,
    maxVolumeParticipation: scenario.participationPct / 100,
    slippageBps: scenario.slippageBps,
    startingCash: money(scenario.startingCashMills),
    accountId: 'DU0000001',
    instruments: INSTRUMENTS,
    randomRejectionRate: scenario.rejectionRate,
  });
}

/** The order a submit command sends; a sell's size follows the holding when there is one. */
export function intentFor(command: Extract<Command, { kind: 'submit' }>, held = 0): OrderIntent {
  const shares = command.side === 'SELL' && held > 0 ? Math.max(1, Math.round(held * command.portion)) : command.shares;
  return {
    clientOrderId: idFor(command.id),
    instrument: instrumentAt(command.on),
    side: command.side,
    type: command.type,
    quantity: quantity(shares),
    tif: command.tif,
    purpose: 'manual',
    ...(command.type === 'LMT' ? { limitPrice: command.price } : {}),
    ...(command.type === 'STP' ? { stopPrice: command.price } : {}),
  };
}

export const idFor = (n: number) => clientOrderId(`prop-${n}`);

export function instrumentAt(index: number): Instrument {
  const found = INSTRUMENTS[index];
  if (found === undefined) throw new RangeError(`no instrument at ${index}`);
  return found;
}

function held(exchange: SimulatedExchange, on: number): number {
  const conid = instrumentAt(on).conid;
  return exchange.positions().find((p) => p.instrument.conid === conid)?.quantity ?? 0;
}

/** What a step did, for properties that look at each step. */
export interface Step {
  readonly command: Command;
  readonly at: number;
  /** The bar as published, for bar commands. */
  readonly bar?: Bar;
  /** The order returned, for submit commands. */
  readonly order?: BrokerOrder;
}

/** Replays the commands one minute apart, calling `afterStep` after each. */
export function replay(
  exchange: SimulatedExchange,
  commands: readonly Command[],
  afterStep: (step: Step) => void = () => undefined,
): void {
  let at = START;
  for (const command of commands) {
    at += MINUTE;
    switch (command.kind) {
      case 'submit':
        afterStep({ command, at, order: exchange.submitOrder(intentFor(command, held(exchange, command.on)), at) });
        break;
      case 'bar': {
        const bar: Bar = { start: at, ...command.bar };
        exchange.publishBar(instrumentAt(command.on), bar);
        afterStep({ command, at, bar });
        break;
      }
      case 'cancel':
        if (exchange.findOrder(idFor(command.id)) !== undefined) exchange.cancelOrder(idFor(command.id), at);
        afterStep({ command, at });
        break;
      case 'endOfDay':
        exchange.endOfDay(at);
        afterStep({ command, at });
        break;
    }
  }
}
