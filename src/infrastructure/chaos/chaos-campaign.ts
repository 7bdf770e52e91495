import fc from 'fast-check';
import type { TlsMaterial } from '../../adapters/gateway-sim/gateway-sim.options.js';
import { chaosScenarioArbitrary, type ScenarioShape } from './chaos-scenario.arbitrary.js';
import type { ChaosScenario } from './chaos-scenario.js';
import { runChaosScenario, type ChaosRunOptions, type ChaosRunResult } from './chaos-run.js';

export interface CampaignSettings {
  readonly runs: number;
  /** fast-check's seed: the same seed draws the same scenarios. */
  readonly seed: number;
  /** Replays one recorded failure (fast-check's path) instead of drawing new scenarios. */
  readonly path?: string | undefined;
  readonly shape: ScenarioShape;
}

export interface CampaignReport {
  readonly runs: number;
  readonly days: number;
  readonly faults: number;
  readonly orders: number;
  readonly fills: number;
  readonly restarts: number;
  /** Trading days that failed, with the scenario seed; not invariant violations. */
  readonly dayErrors: readonly string[];
  /** The first run that broke an invariant, with what is needed to replay it. */
  readonly failure?: CampaignFailure;
}

export interface CampaignFailure {
  readonly seed: number;
  readonly path: string;
  readonly result: ChaosRunResult;
}

/**
 * Draws scenarios with fast-check and runs each; stops at the first run that breaks an invariant (without
 * shrinking: a run takes seconds) and reports fast-check's seed and path so that run can be replayed alone.
 */
export async function runCampaign(
  settings: CampaignSettings,
  options: Omit<ChaosRunOptions, 'tls'> & { readonly tls: TlsMaterial },
  onRun?: (result: ChaosRunResult) => void,
): Promise<CampaignReport> {
  const tally = { runs: 0, days: 0, faults: 0, orders: 0, fills: 0, restarts: 0, dayErrors: [] as string[] };
  let failed: ChaosRunResult | undefined;
  const property = fc.asyncProperty(chaosScenarioArbitrary(settings.shape), async (scenario: ChaosScenario) => {
    const result = await runChaosScenario(scenario, options);
    tally.runs += 1;
    tally.days += scenario.days;
    tally.faults += result.faults;
    tally.orders += result.orders;
    tally.fills += result.fills;
    tally.restarts += result.restarts;
    for (const { date, error } of result.dayErrors) tally.dayErrors.push(`seed ${scenario.seed} ${date}: ${error}`);
    onRun?.(result);
    if (result.violations.length > 0) failed = result;
    return result.violations.length === 0;
  });
  const details = await fc.check(property, {
    numRuns: settings.runs,
    seed: settings.seed,
    ...(settings.path === undefined ? {} : { path: settings.path }),
    endOnFailure: true,
  });
  if (!details.failed || failed === undefined) return tally;
  return {
    ...tally,
    failure: { seed: details.seed, path: details.counterexamplePath ?? '', result: failed },
  };
}

/** The lines that tell what broke and how to replay it (the same shape draws the same scenario). */
export function describeFailure(failure: CampaignFailure, shape: ScenarioShape): string[] {
  const wholeFills = shape.participations.length === 1 && shape.participations[0] === 1 ? ' --whole-fills' : '';
  const replay = `--runs 1 --seed ${failure.seed} --path ${failure.path} --restart-share ${shape.restartShare}${wholeFills}`;
  return [
    `chaos: invariant broken in run with scenario ${JSON.stringify(failure.result.scenario)}`,
    ...failure.result.violations.map((violation) => `  [${violation.invariant}] ${violation.message}`),
    `  replay with: npm run chaos -- ${replay}`,
  ];
}
