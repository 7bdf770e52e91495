import { z } from 'zod';
import { IBKR_ASX_FIXED } from '../../domain/costs/commission.js';
import { DEFAULT_RISK_LIMITS } from '../../domain/risk/risk-limits.js';
import { DEFAULT_STRATEGY } from '../../domain/strategy/strategy-config.js';
import { parseMills } from '../../domain/values/decimal.js';
import { money, type Money } from '../../domain/values/money.js';
import { localDate, type LocalDate } from '../../domain/values/time.js';

/**
 * Everything Skim reads, in the shape of `skim.config.json`. Environment variables are mapped onto the
 * same shape (see env-variables.ts) before validation, so this is the single description of the settings.
 */

export const PROFILES = ['live', 'backtest', 'demo', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LIVE_TRADING_CONSENT = 'yes-i-understand';

/**
 * Order questions Skim may answer "yes" to: price/size/value presets and the generic stop and market
 * order warnings its own orders always raise. `o354` (no market data) is deliberately not among them.
 */
export const DEFAULT_CONFIRM_MESSAGE_IDS = ['o163', 'o403', 'o451', 'o10151', 'o10152', 'o10331'] as const;

/**
 * Cross-field checks run even when other fields failed (so every problem is reported at once), but only
 * when the fields they read are valid themselves. Fields are paths relative to the checked object.
 */
const whenValid =
  (...fields: string[]) =>
  (payload: z.core.ParsePayload): boolean =>
    !payload.issues.some((issue) => {
      const path = (issue.path ?? []).join('.');
      return fields.some((field) => path === field || path.startsWith(`${field}.`));
    });

const DECLINED_LIVE_TRADING = new Set(['', 'no', 'false', '0']);
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Dollars as a decimal string or a JSON number (read by its shortest decimal spelling), exactly in mills. */
const dollars = z.union([z.string(), z.number()]).transform((value, ctx): Money => {
  try {
    return money(parseMills('amount', typeof value === 'number' ? String(value) : value));
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'expected an amount in dollars with at most 3 decimals, e.g. 5000 or 6.00',
    });
    return z.NEVER;
  }
});
const positiveDollars = dollars.refine((m) => m > 0, 'must be more than zero');
const nonNegativeDollars = dollars.refine((m) => m >= 0, 'must not be negative');

const bps = z.number().min(0).max(1000);
const timeoutMs = z.int().min(100).max(300_000);
const filePath = z.string().trim().min(1);
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const tradingDate = z.string().transform((text, ctx): LocalDate => {
  try {
    return localDate(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a calendar date YYYY-MM-DD' });
    return z.NEVER;
  }
});

/** Live trading counts as allowed only for the exact consent phrase; anything else near it is an error. */
const liveTradingConsent = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((value, ctx): boolean => {
    if (value === undefined || value === false) return false;
    if (value === LIVE_TRADING_CONSENT) return true;
    if (typeof value === 'string' && DECLINED_LIVE_TRADING.has(value)) return false;
    ctx.addIssue({
      code: 'custom',
      message: `must be exactly "${LIVE_TRADING_CONSENT}" to allow a live (non-DU) account, or be left unset; live trading is refused until this is fixed`,
    });
    return z.NEVER;
  });

const entryCutoff = z.string().superRefine((time, ctx) => {
  if (!HH_MM.test(time)) ctx.addIssue({ code: 'custom', message: 'expected a Sydney time HH:MM' });
  else if (time <= '10:00' || time > '16:00') {
    ctx.addIssue({ code: 'custom', message: 'must be after 10:00 and no later than 16:00' });
  }
});

const logSchema = z.strictObject({
  level: z.enum(LOG_LEVELS).default('info'),
  file: filePath.optional(),
  /** Unset: pretty when the log stream is a terminal. */
  pretty: z.boolean().optional(),
  /** Size in MiB at which the log file is rotated; 0: never by size. */
  fileMaxMb: z.number().min(0).max(100_000).default(20),
  /** Rotated log files kept beside the current one; older ones are deleted. */
  fileKeep: z.int().min(1).max(1000).default(7),
  /** Also rotate the log file when the Sydney date changes, so each trading day starts a new file. */
  fileDaily: z.boolean().default(true),
});

const strategySchema = z.strictObject({
  minGapPct: z.number().positive().max(1000).default(DEFAULT_STRATEGY.minGapPct),
  orMinutes: z.int().min(1).max(360).default(DEFAULT_STRATEGY.orMinutes),
  entryCutoff: entryCutoff.default(DEFAULT_STRATEGY.entryCutoff),
  entryOrder: z.enum(['stop', 'market']).default(DEFAULT_STRATEGY.entryOrder),
  positionDollars: positiveDollars.default(DEFAULT_STRATEGY.positionDollars),
  maxShares: z.int().min(1).default(DEFAULT_STRATEGY.maxShares),
  maxStopPct: z.number().gt(0).lt(100).default(DEFAULT_STRATEGY.maxStopPct),
  halfExitDay: z.int().min(1).max(60).default(DEFAULT_STRATEGY.halfExitDay),
  smaDays: z.int().min(2).max(250).default(DEFAULT_STRATEGY.smaDays),
  requireAnnouncement: z.boolean().default(DEFAULT_STRATEGY.requireAnnouncement),
});

const riskSchema = z.strictObject({
  maxPositions: z.int().min(1).default(DEFAULT_RISK_LIMITS.maxPositions),
  maxDailyLossDollars: positiveDollars.default(DEFAULT_RISK_LIMITS.maxDailyLoss),
  maxOrdersPerMinute: z.int().min(1).default(DEFAULT_RISK_LIMITS.maxOrdersPerMinute),
});

const commissionTierSchema = z.strictObject({
  /** Month-to-date traded value up to which the rate applies; null for the last tier. */
  upToMonthlyDollars: positiveDollars.nullable(),
  rateBps: bps,
});

const commissionSchema = z
  .strictObject({
    kind: z.enum(['fixed', 'tiered']).default(IBKR_ASX_FIXED.kind),
    rateBps: bps.default(IBKR_ASX_FIXED.rateBps),
    minimumDollars: nonNegativeDollars.default(IBKR_ASX_FIXED.minimum),
    tiers: z.array(commissionTierSchema).optional(),
    exchangeFeeBps: bps.default(0),
    clearingFeeBps: bps.default(0),
  })
  .superRefine(
    (commission, ctx) => {
      if (commission.kind !== 'tiered') return;
      const tiers = commission.tiers ?? [];
      const message = tieredScheduleProblem(tiers.map((t) => t.upToMonthlyDollars));
      if (message !== undefined) ctx.addIssue({ code: 'custom', path: ['tiers'], message });
    },
    { when: whenValid('kind', 'tiers') },
  );

function tieredScheduleProblem(limits: readonly (Money | null)[]): string | undefined {
  if (limits.length === 0) return 'tiered pricing needs at least one tier';
  if (limits[limits.length - 1] !== null) return 'the last tier must have no upper limit (null or "*")';
  const bounded = limits.slice(0, -1);
  if (bounded.some((limit) => limit === null)) return 'only the last tier may have no upper limit';
  const rising = bounded.every((limit, i) => i === 0 || (limit ?? 0) > (bounded[i - 1] ?? 0));
  return rising ? undefined : 'tier limits must rise from one tier to the next';
}

const gatewaySchema = z
  .strictObject({
    /** Base URL of the Client Portal gateway, without /v1/api. */
    url: httpUrl.default('https://127.0.0.1:5000'),
    accountId: z
      .string()
      .regex(/^[A-Z0-9]{4,20}$/, 'expected an IBKR account id such as DU1234567')
      .optional(),
    allowLive: liveTradingConsent,
    insecureTls: z.boolean().default(false),
    caFile: filePath.optional(),
    confirmMessageIds: z
      .array(z.string().regex(/^[a-z]\d+$/, 'expected a message id such as o163'))
      .default([...DEFAULT_CONFIRM_MESSAGE_IDS]),
    timeoutMs: timeoutMs.default(10_000),
    allowDelayedData: z.boolean().default(false),
    maxQuoteAgeMs: z.int().min(500).max(60_000).default(5_000),
  })
  .superRefine(
    (gateway, ctx) => {
      if (gateway.insecureTls && gateway.caFile !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['insecureTls'],
          message: 'choose one: a CA file to trust the gateway certificate, or insecure TLS',
        });
      }
    },
    { when: whenValid('insecureTls', 'caFile') },
  );

const ibeamSchema = z.strictObject({
  healthUrl: httpUrl.default('http://127.0.0.1:5001'),
  timeoutMs: timeoutMs.default(3_000),
});

const notificationsSchema = z.strictObject({
  discordWebhookUrl: z.url({ protocol: /^https$/, error: 'expected an https:// Discord webhook URL' }).optional(),
});

const scanSchema = z.strictObject({
  tradingView: z.boolean().default(true),
  asxAnnouncements: z.boolean().default(true),
  ibkrScanner: z.boolean().default(true),
  minPriceDollars: nonNegativeDollars.default(money(50)),
  minVolume: z.int().min(0).default(10_000),
  timeoutMs: timeoutMs.default(10_000),
});

const holidaysSchema = z.strictObject({
  /** Extra exchange holidays (closures the built-in calendar does not know). */
  add: z.array(tradingDate).default([]),
  /** Built-in holidays on which the exchange trades after all. */
  remove: z.array(tradingDate).default([]),
});

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    profile: z.enum(PROFILES).default('demo'),
    dbPath: filePath.default('./data/skim.db'),
    log: logSchema.prefault({}),
    strategy: strategySchema.prefault({}),
    risk: riskSchema.prefault({}),
    commission: commissionSchema.prefault({}),
    gateway: gatewaySchema.prefault({}),
    ibeam: ibeamSchema.prefault({}),
    notifications: notificationsSchema.prefault({}),
    scan: scanSchema.prefault({}),
    recordDir: filePath.optional(),
    replayDir: filePath.optional(),
    holidays: holidaysSchema.prefault({}),
  })
  .superRefine(
    (config, ctx) => {
      if (config.profile !== 'live') return;
      if (!config.scan.tradingView && !config.scan.ibkrScanner) {
        ctx.addIssue({
          code: 'custom',
          path: ['scan', 'tradingView'],
          message: 'live trading needs a gap scan source',
        });
      }
      if (config.strategy.requireAnnouncement && !config.scan.asxAnnouncements) {
        ctx.addIssue({
          code: 'custom',
          path: ['scan', 'asxAnnouncements'],
          message: 'announcements are required by the strategy but their source is switched off',
        });
      }
    },
    { when: whenValid('profile', 'scan', 'strategy.requireAnnouncement') },
  );

export type ConfigInput = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
export type Profile = ParsedConfig['profile'];
export type LogLevel = ParsedConfig['log']['level'];
