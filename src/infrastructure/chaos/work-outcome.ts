import type { ReconcileReport } from '../../application/trading/reconcile-report.js';

/** What a trading day or a reconcile came to, as a chaos run reads it. */
export interface WorkOutcome {
  /** Why the day failed, if it did. */
  readonly failure?: string;
  /** The position repairs reconcile had to book because Skim's books and the broker's disagreed. */
  readonly repairs: readonly string[];
}

/** A reconcile report's position repairs, one line each. */
export function repairsIn(report: ReconcileReport | undefined): string[] {
  if (report === undefined) return [];
  const kinds = [
    ['adopted', report.adopted],
    ['closed', report.closed],
    ['adjusted', report.adjusted],
  ] as const;
  return kinds.flatMap(([kind, repairs]) =>
    repairs.map(
      (repair) =>
        `${repair.symbol} ${kind}: Skim held ${repair.localQuantity} shares, the broker ${repair.brokerQuantity} (${repair.note})`,
    ),
  );
}
