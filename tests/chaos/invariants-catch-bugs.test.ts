import { describe, expect, it } from 'vitest';
import type { ChaosScenario } from '../../src/infrastructure/chaos/chaos-scenario.js';
import { runChaosScenario } from '../../src/infrastructure/chaos/chaos-run.js';
import {
  applyAFillTwice,
  sendEveryOrderTwice,
  skipRecordingAFill,
  tenfoldLimits,
} from './support/broken-components.js';
import { useChaosTls } from './support/chaos-tls.js';

const tls = useChaosTls();
/** A calm run with entries and fills (6 fills when nothing is broken). */
const CALM: ChaosScenario = { seed: 1, days: 2, volumeParticipation: 1, faults: [] };

function brokenInvariants(result: { violations: readonly { invariant: string }[] }): string[] {
  return [...new Set(result.violations.map((violation) => violation.invariant))].sort();
}

describe('each invariant catches a deliberately broken component', () => {
  it('keeps every invariant with nothing broken', async () => {
    const result = await runChaosScenario(CALM, { tls: tls() });
    expect(result.violations).toEqual([]);
    expect(result.fills).toBeGreaterThan(0);
  });

  it('notices a fill the trade store lost', async () => {
    const result = await runChaosScenario(CALM, { tls: tls(), tamper: skipRecordingAFill });
    expect(brokenInvariants(result)).toEqual(['every fill recorded exactly once']);
    expect(result.violations[0]?.message).toMatch(/^execution \S+ \(BUY \d+ \w+ for skim-.*\) was never recorded$/);
  });

  it('notices a position that disagrees with the broker when a fill is applied twice', async () => {
    const result = await runChaosScenario(CALM, { tls: tls(), tamper: applyAFillTwice });
    expect(brokenInvariants(result)).toEqual(['local positions equal the broker']);
    expect(result.violations[0]?.message).toMatch(/^\w+: Skim holds \d+ shares, the broker \d+$/);
  });

  it('notices an order sent twice', async () => {
    const result = await runChaosScenario(CALM, { tls: tls(), tamper: sendEveryOrderTwice });
    expect(brokenInvariants(result)).toContain('no duplicate orders');
    expect(result.violations.map((violation) => violation.message)).toContainEqual(
      expect.stringMatching(/-again, BUY \d+ \w+\) is not in the journal$/),
    );
  });

  it('notices buys beyond the risk limits when the limits Skim trades with are ten times too wide', async () => {
    const result = await runChaosScenario(CALM, { tls: tls(), configure: tenfoldLimits });
    expect(brokenInvariants(result)).toContain('no position beyond the risk limits');
  });
});
