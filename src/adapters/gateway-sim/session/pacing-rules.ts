/** At most `requests` requests in any window of `perMs` milliseconds. */
export interface RateRule {
  readonly requests: number;
  readonly perMs: number;
}

/** A client that keeps exceeding the limits is refused everything for a while. */
export interface PenaltyBoxRule {
  /** Refusals within `withinMs` that put the client in the box. */
  readonly violations: number;
  readonly withinMs: number;
  readonly durationMs: number;
}

/** The gateway's pacing limits (clientportal-api.md, "Pacing limits"). */
export interface PacingRules {
  readonly global: RateRule;
  readonly snapshot: RateRule;
  readonly liveOrders: RateRule;
  readonly trades: RateRule;
  readonly portfolioAccounts: RateRule;
  readonly tickle: RateRule;
  readonly ssoValidate: RateRule;
  readonly scannerRun: RateRule;
  readonly scannerParams: RateRule;
  /** `/iserver/marketdata/history` requests allowed in flight at once. */
  readonly historyInFlight: number;
  /** Absent: no penalty box. */
  readonly penaltyBox?: PenaltyBoxRule;
}

export const GATEWAY_PACING: PacingRules = Object.freeze({
  global: { requests: 10, perMs: 1_000 },
  snapshot: { requests: 10, perMs: 1_000 },
  liveOrders: { requests: 1, perMs: 5_000 },
  trades: { requests: 1, perMs: 5_000 },
  portfolioAccounts: { requests: 1, perMs: 5_000 },
  tickle: { requests: 1, perMs: 1_000 },
  ssoValidate: { requests: 1, perMs: 60_000 },
  scannerRun: { requests: 1, perMs: 1_000 },
  scannerParams: { requests: 1, perMs: 15 * 60_000 },
  historyInFlight: 5,
  penaltyBox: { violations: 10, withinMs: 60_000, durationMs: 15 * 60_000 },
});

export type PacedEndpoint = Exclude<keyof PacingRules, 'global' | 'historyInFlight' | 'penaltyBox'>;

/** Which per-endpoint limit a request falls under, if any (path below `/v1/api`). */
export function pacedEndpointOf(method: string, path: string): PacedEndpoint | 'history' | undefined {
  if (path === '/iserver/marketdata/snapshot') return 'snapshot';
  if (path === '/iserver/marketdata/history') return 'history';
  if (path === '/iserver/account/orders' && method === 'GET') return 'liveOrders';
  if (path === '/iserver/account/trades') return 'trades';
  if (path === '/portfolio/accounts' || path === '/portfolio/subaccounts') return 'portfolioAccounts';
  if (path === '/tickle') return 'tickle';
  if (path === '/sso/validate') return 'ssoValidate';
  if (path === '/iserver/scanner/run') return 'scannerRun';
  if (path === '/iserver/scanner/params') return 'scannerParams';
  return undefined;
}
