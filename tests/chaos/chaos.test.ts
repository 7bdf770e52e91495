import { describe, expect, it } from 'vitest';
import { describeFailure, runCampaign } from '../../src/infrastructure/chaos/chaos-campaign.js';
import { useChaosTls } from './support/chaos-tls.js';

const tls = useChaosTls();

describe('the chaos campaign (short version of npm run chaos)', () => {
  it('trades a handful of faulty days through the gateway simulator without breaking an invariant', async () => {
    const report = await runCampaign(
      {
        runs: 6,
        seed: 20_251_110,
        // Whole fills only: partial fills currently break two invariants (see the chaos report).
        shape: { maxDays: 2, maxFaults: 8, restartShare: 0, participations: [1] },
      },
      { tls: tls() },
    );

    expect(report.failure === undefined ? [] : describeFailure(report.failure)).toEqual([]);
    expect(report.runs).toBe(6);
    expect(report.faults).toBeGreaterThan(0);
    expect(report.fills).toBeGreaterThan(0);
  }, 60_000);
});
