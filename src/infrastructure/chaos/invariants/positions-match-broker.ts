import type { RunEvidence, Violation } from '../run-evidence.js';

const INVARIANT = 'local positions equal the broker';

/** Shares Skim believes it holds, per symbol, equal the shares the broker holds. */
export function positionsMatchBroker(evidence: RunEvidence): Violation[] {
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
