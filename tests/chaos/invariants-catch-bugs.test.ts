import { describe, expect, it } from 'vitest';
import type { ChaosScenario } from '../../src/infrastructure/chaos/chaos-scenario.js';
import { runChaosScenario } from '../../src/infrastructure/chaos/chaos-run.js';
import {
  applyAFillTwice,
  leaveAFailedOrderReportUnhandled,
  resendOrdersRefusedForALostSession,
  sendEveryOrderTwice,
  skipRecordingAFill,
  tenfoldLimits,
} from './support/broken-components.js';
import { useChaosTls } from './support/chaos-tls.js';

const tls = useChaosTls();
/** A calm run with entries and fills (6 fills when nothing is broken). */
const CALM: ChaosScenario = { seed: 1, days: 2, volumeParticipation: 1, faults: [] };
/** The same run, with the session lost just as the first order request arrives, and not back before the run ends. */
const SESSION_LOST_AT_ORDER: ChaosScenario = {
  ...CALM,
  faults: [
    { day: 0, minuteOfDay: 0, fault: { kind: 'reauthentication-fails', minutes: 3 * 24 * 60 } },
    {
      day: 0,
      minuteOfDay: 0,
      fault: { kind: 'session-expiry-on-request', match: 'POST /iserver/account/*/orders', times: 1 },
    },
  ],
};

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
    // The morning after's reconcile puts the books right, but has to repair them to do it.
    expect(result.violations[0]?.message).toMatch(
      /^reconcile had to repair \w+ adjusted: Skim held (\d+) shares, the broker (?!\1)\d+ /,
    );
  });

  it('notices an order sent twice', async () => {
    const result = await runChaosScenario(CALM, { tls: tls(), tamper: sendEveryOrderTwice });
    expect(brokenInvariants(result)).toContain('no duplicate orders');
    expect(result.violations.map((violation) => violation.message)).toContainEqual(
      expect.stringMatching(/-again, BUY \d+ \w+\) is not in the journal$/),
    );
  });

  it('keeps every invariant when the session is lost as the first order is sent, with nothing broken', async () => {
    const result = await runChaosScenario(SESSION_LOST_AT_ORDER, { tls: tls() });
    expect(result.violations).toEqual([]);
    expect(result.faults).toBe(2);
    // The refused order was never placed, and Skim did not try again into the lost session.
    expect(result.orders).toBe(0);
  });

  it('notices an order sent again at once into a session known to be lost', async () => {
    const result = await runChaosScenario(SESSION_LOST_AT_ORDER, {
      tls: tls(),
      tamper: resendOrdersRefusedForALostSession,
    });
    expect(brokenInvariants(result)).toEqual(['no order placed while the gateway was unauthenticated']);
    expect(result.violations[0]?.message).toMatch(
      /^POST \/v1\/api\/iserver\/account\/DU7770001\/orders sent at \S+ after POST \/v1\/api\/iserver\/account\/DU7770001\/orders was refused with 401 at \S+$/,
    );
  });

  it('notices a promise rejected with nobody to handle it', async () => {
    const result = await runChaosScenario(CALM, { tls: tls(), tamper: leaveAFailedOrderReportUnhandled });
    expect(brokenInvariants(result)).toEqual(['no unhandled rejection']);
    expect(result.violations[0]?.message).toMatch(/^unhandled rejection: Error: order report for skim-\S+ failed$/);
  });

  it('notices buys beyond the risk limits when the limits Skim trades with are ten times too wide', async () => {
    const result = await runChaosScenario(CALM, { tls: tls(), configure: tenfoldLimits });
    expect(brokenInvariants(result)).toContain('no position beyond the risk limits');
  });
});
