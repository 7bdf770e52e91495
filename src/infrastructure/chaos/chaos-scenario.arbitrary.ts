import fc from 'fast-check';
import {
  MINUTES_IN_DAY,
  type ChaosFault,
  type ChaosScenario,
  type ScheduledFault,
  type ScheduledRestart,
} from './chaos-scenario.js';

const ORDER_PATHS = ['POST /iserver/account/*/orders', 'POST /iserver/reply/*'];
const READ_PATHS = ['GET /iserver/account/orders', 'GET /iserver/account/trades', 'GET /portfolio/*/positions/*'];
const ANY_PATHS = [...ORDER_PATHS, ...READ_PATHS, 'GET /iserver/marketdata/snapshot', '/iserver/**'];

const faultArbitrary: fc.Arbitrary<ChaosFault> = fc.oneof(
  fc.constant({ kind: 'session-expiry' } as const),
  fc.record({
    kind: fc.constant('session-expiry-on-request' as const),
    match: fc.constantFrom(...ORDER_PATHS, ...READ_PATHS),
    times: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({ kind: fc.constant('competing-session' as const), minutes: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('reauthentication-fails' as const), minutes: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('rate-limit-burst' as const), requests: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('server-error' as const),
    match: fc.constantFrom(...ANY_PATHS),
    status: fc.constantFrom(500, 502, 503),
    times: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('latency' as const),
    match: fc.constantFrom(...ANY_PATHS),
    ms: fc.integer({ min: 1, max: 40 }),
    when: fc.constantFrom('before' as const, 'after' as const),
    minutes: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({
    kind: fc.constant('timeout' as const),
    match: fc.constantFrom(...ANY_PATHS),
    when: fc.constantFrom('before' as const, 'after' as const),
    times: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('dropped-connection' as const),
    match: fc.constantFrom(...ANY_PATHS),
    when: fc.constantFrom('before' as const, 'after' as const),
    times: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('dropped-acceptance' as const), orders: fc.integer({ min: 1, max: 2 }) }),
  fc.record({
    kind: fc.constant('order-rejection' as const),
    reason: fc.constantFrom('Insufficient buying power', 'Order price outside the allowed band'),
  }),
);

function scheduledFault(days: number): fc.Arbitrary<ScheduledFault> {
  return fc.record({
    day: fc.integer({ min: 0, max: days - 1 }),
    // Most faults land in the session, where the orders are; some before the open.
    minuteOfDay: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 180, max: MINUTES_IN_DAY - 15 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 179 }) },
    ),
    fault: faultArbitrary,
  });
}

function restartArbitrary(days: number, share: number): fc.Arbitrary<ScheduledRestart | undefined> {
  const restart = fc.record({
    day: fc.integer({ min: 0, max: days - 1 }),
    minuteOfDay: fc.integer({ min: 150, max: MINUTES_IN_DAY - 30 }),
    kill: fc.oneof(
      fc.record({ kind: fc.constant('during-step' as const), delayMs: fc.integer({ min: 0, max: 10 }) }),
      fc.constant({ kind: 'order-in-flight' } as const),
    ),
  });
  const percent = Math.round(Math.min(Math.max(share, 0), 1) * 100);
  if (percent === 0) return fc.constant(undefined);
  if (percent === 100) return restart;
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(undefined) },
    { weight: percent, arbitrary: restart },
  );
}

export interface ScenarioShape {
  readonly maxDays: number;
  readonly maxFaults: number;
  /** Share of runs that kill and restart the trading process. */
  readonly restartShare: number;
  /** Shares of a bar's volume an order may take, one drawn per run; below 1 fills come in parts. */
  readonly participations: readonly number[];
}

/** From fills split over many bars to whole fills. */
export const ALL_PARTICIPATIONS: readonly number[] = [0.002, 0.01, 0.05, 0.2, 1];

/** Campaign runs: a seeded market over a few days, a handful of faults at random moments, sometimes a restart. */
export function chaosScenarioArbitrary(shape: ScenarioShape): fc.Arbitrary<ChaosScenario> {
  return fc.integer({ min: 1, max: shape.maxDays }).chain((days) =>
    fc
      .record({
        seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        volumeParticipation: fc.constantFrom(...shape.participations),
        faults: fc.array(scheduledFault(days), { maxLength: shape.maxFaults }),
        restart: restartArbitrary(days, shape.restartShare),
      })
      .map(({ restart, ...rest }): ChaosScenario => ({ ...rest, days, ...(restart === undefined ? {} : { restart }) })),
  );
}
