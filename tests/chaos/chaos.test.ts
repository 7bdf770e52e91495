import { describe, expect, it } from 'vitest';
import { describeFailure, runCampaign } from '../../src/infrastructure/chaos/chaos-campaign.js';
import { runChaosScenario } from '../../src/infrastructure/chaos/chaos-run.js';
import { ALL_PARTICIPATIONS, type ScenarioShape } from '../../src/infrastructure/chaos/chaos-scenario.arbitrary.js';
import type { ChaosScenario } from '../../src/infrastructure/chaos/chaos-scenario.js';
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
    const report = await runCampaign({ runs: 2, seed: 20_251_125, shape }, { tls: tls() });

    expect(report.failure === undefined ? [] : describeFailure(report.failure, shape)).toEqual([]);
    expect(report.runs).toBe(2);
  }, 60_000);
});

describe('a chaos run', () => {
  it("enters on the run's first day: the gateway holds the daily bars before it, so previous closes are known", async () => {
    const result = await runChaosScenario({ seed: 1, days: 1, volumeParticipation: 1, faults: [] }, { tls: tls() });

    expect(result.violations).toEqual([]);
    expect(result.orders).toBeGreaterThan(0);
  }, 30_000);
});

describe('a chaos run with a restart', () => {
  /** Two calm days whose first entry order goes out at 10:05 Sydney. */
  const calm = { seed: 1, days: 2, volumeParticipation: 1, faults: [] };

  it('kills the trading process once an order is at the exchange and its answer is on the way', async () => {
    const scenario: ChaosScenario = {
      ...calm,
      restart: { day: 0, minuteOfDay: 185, kill: { kind: 'order-in-flight' } },
    };
    const result = await runChaosScenario(scenario, { tls: tls() });

    expect(result.restarts).toBe(1);
    expect(result.violations).toEqual([]);
    expect(result.fills).toBeGreaterThan(0);
  }, 30_000);

  it('trades the days around the restart day in this process, as a `skim run` restarted overnight', async () => {
    const scenario: ChaosScenario = {
      ...calm,
      days: 3,
      restart: { day: 1, minuteOfDay: 150, kill: { kind: 'during-step', delayMs: 0 } },
    };
    const result = await runChaosScenario(scenario, { tls: tls() });

    expect(result.restarts).toBe(1);
    expect(result.violations).toEqual([]);
    expect(result.dayErrors).toEqual([]);
    expect(result.fills).toBeGreaterThan(0);
  }, 30_000);

  it('kills the trading process in the middle of a step', async () => {
    const scenario: ChaosScenario = {
      ...calm,
      restart: { day: 0, minuteOfDay: 150, kill: { kind: 'during-step', delayMs: 0 } },
    };
    const result = await runChaosScenario(scenario, { tls: tls() });

    expect(result.restarts).toBe(1);
    expect(result.violations).toEqual([]);
  }, 30_000);
});
