import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/adapters/gateway-sim/http/request-pipeline.js';
import { DEFAULT_RISK_LIMITS } from '../../src/domain/risk/risk-limits.js';
import { noOrderWhileUnauthenticated } from '../../src/infrastructure/chaos/invariants/no-order-while-unauthenticated.js';
import { noUnhandledRejection } from '../../src/infrastructure/chaos/invariants/no-unhandled-rejection.js';
import { positionsMatchBroker } from '../../src/infrastructure/chaos/invariants/positions-match-broker.js';
import type { RunEvidence } from '../../src/infrastructure/chaos/run-evidence.js';

function evidence(changes: Partial<RunEvidence>): RunEvidence {
  return {
    exchangeOrders: [],
    exchangeFills: [],
    journal: [],
    recordedFills: [],
    localPositions: [],
    brokerPositions: [],
    repairs: [],
    positionSamples: [],
    requests: [],
    unhandledRejections: [],
    limits: DEFAULT_RISK_LIMITS,
    ...changes,
  };
}

let clock = Date.UTC(2025, 1, 3, 0, 0);
let events = 0;
/** A request answered at once: it arrived and was answered after every request made before it. */
function request(
  method: string,
  path: string,
  status: RequestRecord['status'],
  sessionUp = status !== 401,
): RequestRecord {
  clock += 1000;
  events += 2;
  return {
    at: clock,
    method,
    path: `/v1/api${path}`,
    query: '',
    status,
    sessionUp,
    arrived: events - 1,
    answered: events,
  };
}

const ORDER = '/iserver/account/DU7770001/orders';

describe('no order placed while the gateway was unauthenticated', () => {
  it('accepts the order that is itself the first to find the session down', () => {
    const requests = [request('GET', '/iserver/account/orders', 200), request('POST', ORDER, 401)];
    expect(noOrderWhileUnauthenticated(evidence({ requests }))).toEqual([]);
  });

  it('flags an order sent after a 401 and before any brokerage request succeeded again', () => {
    const requests = [
      request('GET', '/iserver/account/orders', 401),
      request('POST', '/iserver/reauthenticate', 200, false),
      request('GET', '/iserver/auth/status', 200, false),
      request('POST', ORDER, 401),
    ];
    const violations = noOrderWhileUnauthenticated(evidence({ requests }));
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toMatch(
      /^POST \/v1\/api\/iserver\/account\/DU7770001\/orders sent at .* after GET \/v1\/api\/iserver\/account\/orders was refused with 401 at /,
    );
  });

  it('flags an order sent after the auth status answered that the session could not trade', () => {
    const requests = [request('GET', '/iserver/auth/status', 200, false), request('POST', ORDER, 401)];
    const violations = noOrderWhileUnauthenticated(evidence({ requests }));
    expect(violations.map((violation) => violation.message)).toEqual([
      expect.stringMatching(/after GET \/v1\/api\/iserver\/auth\/status answered that the session could not trade at /),
    ]);
  });

  it('counts the session back once the auth status or the keep-alive says it can trade', () => {
    for (const path of ['/iserver/auth/status', '/tickle']) {
      const requests = [
        request('GET', '/iserver/account/orders', 401),
        request(path === '/tickle' ? 'POST' : 'GET', path, 200, true),
        request('POST', ORDER, 200),
      ];
      expect(noOrderWhileUnauthenticated(evidence({ requests }))).toEqual([]);
    }
  });

  it('does not blame an order that was already on its way when the 401 went out, its answer held back', () => {
    const order = request('POST', ORDER, 200);
    const refused = request('GET', '/iserver/account/trades', 401);
    // Answered in the same millisecond after the 401, but it had arrived before the 401 was answered.
    const requests = [
      refused,
      { ...order, at: refused.at, arrived: refused.arrived - 1, answered: refused.answered + 1 },
    ];
    expect(noOrderWhileUnauthenticated(evidence({ requests }))).toEqual([]);
  });

  it('flags an order that arrived after the 401 was answered, even in the same millisecond', () => {
    const refused = request('GET', '/iserver/account/trades', 401);
    const order = { ...request('POST', ORDER, 401), at: refused.at };
    const violations = noOrderWhileUnauthenticated(evidence({ requests: [refused, order] }));
    expect(violations.map((violation) => violation.message)).toEqual([
      expect.stringMatching(/after GET \/v1\/api\/iserver\/account\/trades was refused with 401 at /),
    ]);
  });

  it('counts the session back once a brokerage request succeeds', () => {
    const requests = [
      request('GET', '/iserver/account/orders', 401),
      request('GET', '/portfolio/accounts', 200),
      request('POST', ORDER, 401),
    ];
    expect(noOrderWhileUnauthenticated(evidence({ requests }))).toEqual([]);
  });
});

describe('local positions equal the broker', () => {
  it('flags a repair reconcile had to book even though the books agree now', () => {
    const repair = 'FLT adjusted: Skim held 1562 shares, the broker 781 (broker holds 781)';
    expect(positionsMatchBroker(evidence({ repairs: [repair] }))).toEqual([
      { invariant: 'local positions equal the broker', message: `reconcile had to repair ${repair}` },
    ]);
  });
});

describe('no unhandled rejection', () => {
  it('names each rejection nobody handled', () => {
    const violations = noUnhandledRejection(evidence({ unhandledRejections: ['Error: socket hang up'] }));
    expect(violations).toEqual([
      { invariant: 'no unhandled rejection', message: 'unhandled rejection: Error: socket hang up' },
    ]);
  });
});
