/** At most `requests` requests in any window of `perMs` milliseconds. */
export interface RateLimit {
  readonly requests: number;
  readonly perMs: number;
}

/** The gateway's pacing limits (see clientportal-api.md, "Pacing limits"); exceeding them earns HTTP 429. */
export interface PacingLimits {
  readonly global: RateLimit;
  readonly snapshot: RateLimit;
  readonly liveOrders: RateLimit;
  readonly trades: RateLimit;
  readonly portfolioAccounts: RateLimit;
  readonly tickle: RateLimit;
  readonly scannerRun: RateLimit;
  /** `/iserver/marketdata/history` requests allowed in flight at once. */
  readonly historyInFlight: number;
  /** First pause after a 429 or a failed read; it doubles per consecutive failure up to `backoffMaxMs`. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** How many times an idempotent read is repeated after a 429, a 5xx, a timeout or a reset. */
  readonly maxReadRetries: number;
}

export interface ClientPortalTimeouts {
  readonly connectMs: number;
  readonly headersMs: number;
  readonly bodyMs: number;
}

/** What the Client Portal adapter needs to know; the infrastructure fills it from Skim's configuration. */
export interface ClientPortalConfig {
  /** Gateway origin, e.g. `https://127.0.0.1:5000`; the adapter appends `/v1/api`. */
  readonly baseUrl: string;
  /** The account to trade; may be left out when the login holds exactly one. */
  readonly accountId?: string;
  /** True only when SKIM_ALLOW_LIVE is `yes-i-understand`: lets the paper guard accept a live account. */
  readonly allowLive: boolean;
  /** Skip certificate checks; allowed only for a loopback host or the compose service name. */
  readonly insecureTls: boolean;
  /** PEM file of the CA that signed the gateway's certificate, when verification stays on. */
  readonly caFile?: string;
  readonly composeServiceName: string;
  /** Order-warning message ids (e.g. `o163`) Skim may confirm; any other question cancels the order. */
  readonly confirmQuestionIds: readonly string[];
  readonly timeouts: ClientPortalTimeouts;
  readonly tickleIntervalMs: number;
  /** Pause before asking again for a snapshot whose first answer only opened the subscription. */
  readonly preflightDelayMs: number;
  /** Further snapshot requests after the first one before a conid is reported without data. */
  readonly maxPreflightRounds: number;
  /** Confirmation questions answered for one order before Skim gives up on it. */
  readonly maxReplyRounds: number;
  /** Auth-status checks after the one reauthentication attempt, `reauthPollIntervalMs` apart. */
  readonly reauthPolls: number;
  readonly reauthPollIntervalMs: number;
  readonly pacing: PacingLimits;
}

export const DEFAULT_PACING: PacingLimits = Object.freeze({
  global: { requests: 10, perMs: 1_000 },
  snapshot: { requests: 10, perMs: 1_000 },
  liveOrders: { requests: 1, perMs: 5_000 },
  trades: { requests: 1, perMs: 5_000 },
  portfolioAccounts: { requests: 1, perMs: 5_000 },
  tickle: { requests: 1, perMs: 1_000 },
  scannerRun: { requests: 1, perMs: 1_000 },
  historyInFlight: 5,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  maxReadRetries: 2,
});

/** Everything but the settings each installation must choose. */
export const CLIENTPORTAL_DEFAULTS = Object.freeze({
  composeServiceName: 'ibeam',
  // Left out on purpose: o354 (no market data to check the order against) and o383 (the account's size limit).
  confirmQuestionIds: ['o163', 'o403', 'o451', 'o10151', 'o10152', 'o10331'],
  timeouts: { connectMs: 5_000, headersMs: 15_000, bodyMs: 15_000 },
  tickleIntervalMs: 60_000,
  preflightDelayMs: 500,
  maxPreflightRounds: 3,
  maxReplyRounds: 5,
  reauthPolls: 5,
  reauthPollIntervalMs: 2_000,
  pacing: DEFAULT_PACING,
} satisfies Omit<ClientPortalConfig, 'baseUrl' | 'allowLive' | 'insecureTls'>);
