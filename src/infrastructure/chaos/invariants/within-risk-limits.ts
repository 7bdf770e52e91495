import type { BrokerOrder } from '../../../domain/orders/broker-order.js';
import { formatMoney, valueOf, type Money } from '../../../domain/values/money.js';
import type { RunEvidence, Violation } from '../run-evidence.js';

const INVARIANT = 'no position beyond the risk limits';

/**
 * At every replay step the broker held no more symbols than `maxPositions` and no more than `maxShares` of
 * any one, and no buy order asked for more than `maxShares` or `positionDollars` at the price it was sent
 * with (a stop that fills above its trigger on a gap costs more, which the limits accept).
 */
export function withinRiskLimits(evidence: RunEvidence): Violation[] {
  const { limits } = evidence;
  const violations: Violation[] = [];
  const violation = (message: string): void => {
    violations.push({ invariant: INVARIANT, message });
  };
  const samples = [...evidence.positionSamples, { at: Number.NaN, positions: evidence.brokerPositions }];
  for (const sample of samples) {
    const when = Number.isNaN(sample.at) ? 'at the end' : `at ${new Date(sample.at).toISOString()}`;
    const held = sample.positions.filter((position) => position.quantity !== 0);
    if (held.length > limits.maxPositions) {
      violation(`${held.length} positions held ${when}; limit ${limits.maxPositions}`);
    }
    for (const position of held) {
      if (Math.abs(position.quantity) > limits.maxShares) {
        violation(`${position.quantity} ${position.instrument.symbol} held ${when}; limit ${limits.maxShares} shares`);
      }
    }
  }
  for (const order of evidence.exchangeOrders.filter((candidate) => candidate.side === 'BUY')) {
    if (order.quantity > limits.maxShares) {
      violation(`buy ${order.clientOrderId} for ${order.quantity} shares; limit ${limits.maxShares}`);
    }
    const value = orderValue(order);
    if (value !== undefined && value > limits.positionDollars) {
      violation(
        `buy ${order.clientOrderId} worth ${formatMoney(value)} as sent; limit ${formatMoney(limits.positionDollars)}`,
      );
    }
  }
  return violations;
}

/** The order's value at its trigger (a stop) or its limit, the price its size was worked out from. */
function orderValue(order: BrokerOrder): Money | undefined {
  const sentAt = order.stopPrice ?? order.limitPrice;
  return sentAt === undefined ? undefined : valueOf(sentAt, order.quantity);
}
