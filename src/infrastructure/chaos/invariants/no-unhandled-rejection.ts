import type { RunEvidence, Violation } from '../run-evidence.js';

/** No promise in the trading process was rejected without anyone handling it. */
export function noUnhandledRejection(evidence: RunEvidence): Violation[] {
  return evidence.unhandledRejections.map((reason) => ({
    invariant: 'no unhandled rejection',
    message: `unhandled rejection: ${reason}`,
  }));
}
