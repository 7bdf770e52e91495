import { isAbsolute, resolve } from 'node:path';
import type { CommissionSchedule } from '../../domain/costs/commission.js';
import type { RiskLimits } from '../../domain/risk/risk-limits.js';
import type { StrategyConfig } from '../../domain/strategy/strategy-config.js';
import type { Money } from '../../domain/values/money.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { LogLevel, ParsedConfig, Profile } from './config.schema.js';

export interface LogSettings {
  readonly level: LogLevel;
  readonly file: string | undefined;
  /** undefined: pretty when the log stream is a terminal. */
  readonly pretty: boolean | undefined;
  /** The log file is rotated when it would grow past this many MiB; 0: never by size. */
  readonly fileMaxMb: number;
  /** Rotated log files kept beside the current one (file.1 is the newest). */
  readonly fileKeep: number;
  /** Also rotated when the Sydney date changes. */
  readonly fileDaily: boolean;
}

export interface GatewaySettings {
  /** Base URL of the Client Portal gateway, without /v1/api and without a trailing slash. */
  readonly url: string;
  /** The account to trade; undefined: the gateway's selected account. */
  readonly accountId: string | undefined;
  /** True only when SKIM_ALLOW_LIVE is exactly the consent phrase. */
  readonly allowLive: boolean;
  readonly insecureTls: boolean;
  readonly caFile: string | undefined;
  /** Order reply questions (by message id) Skim answers with "yes". */
  readonly confirmMessageIds: readonly string[];
  readonly timeoutMs: number;
  readonly allowDelayedData: boolean;
  /** No decision on streamed market data uses a quote older than this. */
  readonly maxQuoteAgeMs: number;
}

export interface IbeamSettings {
  readonly healthUrl: string;
  readonly timeoutMs: number;
}

export interface NotificationSettings {
  /** Secret: never log or print it. */
  readonly discordWebhookUrl: string | undefined;
}

export interface ScanSettings {
  readonly tradingView: boolean;
  readonly asxAnnouncements: boolean;
  readonly ibkrScanner: boolean;
  readonly minPrice: Money;
  readonly minVolume: number;
  readonly timeoutMs: number;
}

export interface HolidayOverrides {
  readonly add: readonly LocalDate[];
  readonly remove: readonly LocalDate[];
}

/** Everything Skim was configured with, validated and frozen. Paths are absolute (or ":memory:"). */
export interface SkimConfig {
  readonly profile: Profile;
  readonly dbPath: string;
  readonly log: LogSettings;
  readonly strategy: StrategyConfig;
  readonly risk: RiskLimits;
  readonly commission: CommissionSchedule;
  readonly gateway: GatewaySettings;
  readonly ibeam: IbeamSettings;
  readonly notifications: NotificationSettings;
  readonly scan: ScanSettings;
  readonly recordDir: string | undefined;
  readonly replayDir: string | undefined;
  readonly holidays: HolidayOverrides;
}

const IN_MEMORY_DATABASE = ':memory:';

export function toSkimConfig(parsed: ParsedConfig, cwd: string): SkimConfig {
  const absolute = (path: string | undefined): string | undefined =>
    path === undefined || isAbsolute(path) ? path : resolve(cwd, path);
  const strategy: StrategyConfig = { ...parsed.strategy };
  return deepFreeze({
    profile: parsed.profile,
    dbPath: parsed.dbPath === IN_MEMORY_DATABASE ? parsed.dbPath : resolve(cwd, parsed.dbPath),
    log: {
      level: parsed.log.level,
      file: absolute(parsed.log.file),
      pretty: parsed.log.pretty,
      fileMaxMb: parsed.log.fileMaxMb,
      fileKeep: parsed.log.fileKeep,
      fileDaily: parsed.log.fileDaily,
    },
    strategy,
    risk: {
      maxPositions: parsed.risk.maxPositions,
      positionDollars: strategy.positionDollars,
      maxShares: strategy.maxShares,
      maxDailyLoss: parsed.risk.maxDailyLossDollars,
      maxOrdersPerMinute: parsed.risk.maxOrdersPerMinute,
    },
    commission: toCommissionSchedule(parsed.commission),
    gateway: {
      url: parsed.gateway.url,
      accountId: parsed.gateway.accountId,
      allowLive: parsed.gateway.allowLive,
      insecureTls: parsed.gateway.insecureTls,
      caFile: absolute(parsed.gateway.caFile),
      confirmMessageIds: parsed.gateway.confirmMessageIds,
      timeoutMs: parsed.gateway.timeoutMs,
      allowDelayedData: parsed.gateway.allowDelayedData,
      maxQuoteAgeMs: parsed.gateway.maxQuoteAgeMs,
    },
    ibeam: { ...parsed.ibeam },
    notifications: { discordWebhookUrl: parsed.notifications.discordWebhookUrl },
    scan: {
      tradingView: parsed.scan.tradingView,
      asxAnnouncements: parsed.scan.asxAnnouncements,
      ibkrScanner: parsed.scan.ibkrScanner,
      minPrice: parsed.scan.minPriceDollars,
      minVolume: parsed.scan.minVolume,
      timeoutMs: parsed.scan.timeoutMs,
    },
    recordDir: absolute(parsed.recordDir),
    replayDir: absolute(parsed.replayDir),
    holidays: { add: parsed.holidays.add, remove: parsed.holidays.remove },
  });
}

function toCommissionSchedule(commission: ParsedConfig['commission']): CommissionSchedule {
  if (commission.kind === 'fixed') {
    return { kind: 'fixed', rateBps: commission.rateBps, minimum: commission.minimumDollars };
  }
  return {
    kind: 'tiered',
    tiers: (commission.tiers ?? []).map((tier) => ({
      upToMonthlyValue: tier.upToMonthlyDollars,
      rateBps: tier.rateBps,
    })),
    minimum: commission.minimumDollars,
    exchangeFeeBps: commission.exchangeFeeBps,
    clearingFeeBps: commission.clearingFeeBps,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
