import type { RunEvidence, Violation } from '../run-evidence.js';
import { repeated } from './no-duplicate-orders.js';

const INVARIANT = 'every fill recorded exactly once';

/** Skim's trade store holds each execution of the exchange exactly once, and nothing the exchange did not do. */
export function fillsRecordedOnce(evidence: RunEvidence): Violation[] {
  const violations: Violation[] = [];
  const recorded = evidence.recordedFills.map((fill) => fill.executionId);
  for (const [id, count] of repeated(recorded)) {
    violations.push({ invariant: INVARIANT, message: `execution ${id} is recorded ${count} times` });
  }
  const recordedIds = new Set(recorded);
  for (const fill of evidence.exchangeFills) {
    if (!recordedIds.has(fill.executionId)) {
      violations.push({
        invariant: INVARIANT,
        message: `execution ${fill.executionId} (${fill.side} ${fill.quantity} ${fill.instrument.symbol} for ${fill.clientOrderId}, at ${new Date(fill.at).toISOString()}) was never recorded`,
      });
    }
  }
  const executed = new Set(evidence.exchangeFills.map((fill) => fill.executionId));
  for (const fill of evidence.recordedFills) {
    if (!executed.has(fill.executionId)) {
      violations.push({
        invariant: INVARIANT,
        message: `recorded execution ${fill.executionId} (${fill.clientOrderId}) never happened at the exchange`,
      });
    }
  }
  return violations;
}
