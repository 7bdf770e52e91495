import type { CommissionSchedule } from '../../domain/costs/commission.js';
import { formatMoney, type Money } from '../../domain/values/money.js';
import { MASK } from './config-secrets.js';
import { LIVE_TRADING_CONSENT } from './config.schema.js';
import type { SkimConfig } from './skim-config.js';

export type ConfigViewValue =
  string | number | boolean | null | undefined | readonly string[] | ConfigView | readonly ConfigView[];
export interface ConfigView {
  readonly [key: string]: ConfigViewValue;
}

const dollars = (amount: Money): string => formatMoney(amount);

/**
 * The effective configuration in the shape of `skim.config.json`: money in dollars, unset settings
 * undefined (absent once serialised) and secrets masked. Saved as a file it reproduces the same
 * configuration, secrets apart, which is what backtest reports and `skim config check` rely on.
 */
export function describeConfig(config: SkimConfig): ConfigView {
  const { strategy, risk, gateway, scan } = config;
  return {
    profile: config.profile,
    dbPath: config.dbPath,
    log: { ...config.log },
    strategy: { ...strategy, positionDollars: dollars(strategy.positionDollars) },
    risk: {
      maxPositions: risk.maxPositions,
      maxDailyLossDollars: dollars(risk.maxDailyLoss),
      maxOrdersPerMinute: risk.maxOrdersPerMinute,
    },
    commission: describeCommission(config.commission),
    gateway: { ...gateway, allowLive: gateway.allowLive ? LIVE_TRADING_CONSENT : false },
    ibeam: { ...config.ibeam },
    notifications: {
      discordWebhookUrl: config.notifications.discordWebhookUrl === undefined ? undefined : MASK,
    },
    scan: {
      tradingView: scan.tradingView,
      asxAnnouncements: scan.asxAnnouncements,
      ibkrScanner: scan.ibkrScanner,
      minPriceDollars: dollars(scan.minPrice),
      minVolume: scan.minVolume,
      timeoutMs: scan.timeoutMs,
    },
    recordDir: config.recordDir,
    replayDir: config.replayDir,
    holidays: { add: config.holidays.add, remove: config.holidays.remove },
  };
}

function describeCommission(commission: CommissionSchedule): ConfigView {
  if (commission.kind === 'fixed') {
    return { kind: 'fixed', rateBps: commission.rateBps, minimumDollars: dollars(commission.minimum) };
  }
  return {
    kind: 'tiered',
    tiers: commission.tiers.map((tier) => ({
      upToMonthlyDollars: tier.upToMonthlyValue === null ? null : dollars(tier.upToMonthlyValue),
      rateBps: tier.rateBps,
    })),
    minimumDollars: dollars(commission.minimum),
    exchangeFeeBps: commission.exchangeFeeBps,
    clearingFeeBps: commission.clearingFeeBps,
  };
}
