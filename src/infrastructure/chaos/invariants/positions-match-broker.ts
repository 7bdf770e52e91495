import type { RunEvidence, Violation } from '../run-evidence.js';

const INVARIANT = 'local positions equal the broker';

/**
 * Shares Skim believes it holds, per symbol, equal the shares the broker holds, and they did so without
 * reconcile having to repair the books: a repair means they had disagreed (nobody else trades the account).
 */
export function positionsMatchBroker(evidence: RunEvidence): Violation[] {
  return [
    ...heldNow(evidence),
    ...evidence.repairs.map((repair) => ({ invariant: INVARIANT, message: `reconcile had to repair ${repair}` })),
  ];
}

function heldNow(evidence: RunEvidence): Violation[] {
  const local = new Map<string, number>();
  for (const position of evidence.localPositions) {
    const symbol = position.instrument.symbol;
    local.set(symbol, (local.get(symbol) ?? 0) + position.quantity);
  }
  const broker = new Map<string, number>();
  for (const position of evidence.brokerPositions) {
    const symbol = position.instrument.symbol;
    broker.set(symbol, (broker.get(symbol) ?? 0) + position.quantity);
  }
  const symbols = new Set([...local.keys(), ...broker.keys()]);
  return [...symbols]
    .filter((symbol) => (local.get(symbol) ?? 0) !== (broker.get(symbol) ?? 0))
    .sort()
    .map((symbol) => ({
      invariant: INVARIANT,
      message: `${symbol}: Skim holds ${local.get(symbol) ?? 0} shares, the broker ${broker.get(symbol) ?? 0}`,
    }));
}
