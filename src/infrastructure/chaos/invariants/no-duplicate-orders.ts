import type { RunEvidence, Violation } from '../run-evidence.js';

const INVARIANT = 'no duplicate orders';

/**
 * Each client order id reaches the exchange at most once, each broker order id belongs to one order, and
 * every order at the exchange is one Skim journalled (an unjournalled order is a second send of an intent).
 */
export function noDuplicateOrders(evidence: RunEvidence): Violation[] {
  const violations: Violation[] = [];
  const violation = (message: string): void => {
    violations.push({ invariant: INVARIANT, message });
  };
  for (const [id, count] of repeated(evidence.exchangeOrders.map((order) => order.clientOrderId))) {
    violation(`client order id ${id} reached the exchange ${count} times`);
  }
  for (const [id, count] of repeated(evidence.exchangeOrders.map((order) => order.brokerOrderId))) {
    violation(`broker order id ${id} was given to ${count} exchange orders`);
  }
  const journalled = evidence.journal.map((entry) => entry.brokerOrderId).filter((id) => id !== undefined);
  for (const [id, count] of repeated(journalled)) {
    violation(`broker order id ${id} is journalled under ${count} client order ids`);
  }
  const known = new Set<string>(evidence.journal.map((entry) => entry.clientOrderId));
  for (const order of evidence.exchangeOrders) {
    if (!known.has(order.clientOrderId)) {
      violation(
        `exchange order ${order.brokerOrderId} (${order.clientOrderId}, ${order.side} ${order.quantity} ${order.instrument.symbol}) is not in the journal`,
      );
    }
  }
  return violations;
}

/** Values that occur more than once, with how often. */
export function repeated(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1);
}
