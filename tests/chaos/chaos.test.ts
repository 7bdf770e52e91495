import { describe, expect, it } from 'vitest';
import { describeFailure, runCampaign } from '../../src/infrastructure/chaos/chaos-campaign.js';
import { ALL_PARTICIPATIONS, type ScenarioShape } from '../../src/infrastructure/chaos/chaos-scenario.arbitrary.js';
import { useChaosTls } from './support/chaos-tls.js';

const tls = useChaosTls();

describe('the chaos campaign (short version of npm run chaos)', () => {
  it('trades a handful of faulty days through the gateway simulator without breaking an invariant', async () => {
    const shape: ScenarioShape = { maxDays: 2, maxFaults: 8, restartShare: 0, participations: ALL_PARTICIPATIONS };
    const report = await runCampaign({ runs: 8, seed: 20_251_110, shape }, { tls: tls() });

    expect(report.failure === undefined ? [] : describeFailure(report.failure, shape)).toEqual([]);
    expect(report.runs).toBe(8);
    expect(report.faults).toBeGreaterThan(0);
    expect(report.fills).toBeGreaterThan(0);
  }, 60_000);

  it('kills the trading process with SIGKILL in some runs and restarts it without breaking an invariant', async () => {
    const shape: ScenarioShape = { maxDays: 2, maxFaults: 4, restartShare: 1, participations: ALL_PARTICIPATIONS };
    const report = await runCampaign({ runs: 3, seed: 20_251_125, shape }, { tls: tls() });

    expect(report.failure === undefined ? [] : describeFailure(report.failure, shape)).toEqual([]);
    expect(report.runs).toBe(3);
    expect(report.restarts).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
