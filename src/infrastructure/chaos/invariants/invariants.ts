import type { Invariant, RunEvidence, Violation } from '../run-evidence.js';
import { fillsRecordedOnce } from './fills-recorded-once.js';
import { noDuplicateOrders } from './no-duplicate-orders.js';
import { noOrderWhileUnauthenticated } from './no-order-while-unauthenticated.js';
import { noUnhandledRejection } from './no-unhandled-rejection.js';
import { positionsMatchBroker } from './positions-match-broker.js';
import { withinRiskLimits } from './within-risk-limits.js';

/** Every invariant a chaos run must keep, checked after the run. */
export const INVARIANTS: readonly Invariant[] = [
  noDuplicateOrders,
  fillsRecordedOnce,
  positionsMatchBroker,
  withinRiskLimits,
  noOrderWhileUnauthenticated,
  noUnhandledRejection,
];

export function checkInvariants(evidence: RunEvidence): Violation[] {
  return INVARIANTS.flatMap((invariant) => invariant(evidence));
}
