/** How the text of an environment variable becomes a value of the config file's shape. */
export type EnvKind = 'text' | 'verbatim' | 'number' | 'integer' | 'boolean' | 'list' | 'dollars' | 'tiers';

export interface EnvVariable {
  readonly name: string;
  /** Where the value lands in the config file's shape (config.schema.ts). */
  readonly path: readonly string[];
  readonly kind: EnvKind;
}

/** Names the JSON config file; read before everything else, so it is not part of the file's shape. */
export const CONFIG_FILE_VARIABLE = 'SKIM_CONFIG_FILE';
export const DEFAULT_CONFIG_FILE = 'skim.config.json';

const v = (name: string, path: string, kind: EnvKind): EnvVariable => ({ name, path: path.split('.'), kind });

/** Every SKIM_ variable Skim reads; `.env.example` documents each one. */
export const ENV_VARIABLES: readonly EnvVariable[] = [
  v('SKIM_PROFILE', 'profile', 'text'),
  v('SKIM_DB_PATH', 'dbPath', 'text'),
  v('SKIM_LOG_LEVEL', 'log.level', 'text'),
  v('SKIM_LOG_FILE', 'log.file', 'text'),
  v('SKIM_LOG_PRETTY', 'log.pretty', 'boolean'),
  v('SKIM_LOG_FILE_MAX_MB', 'log.fileMaxMb', 'number'),
  v('SKIM_LOG_FILE_KEEP', 'log.fileKeep', 'integer'),
  v('SKIM_LOG_FILE_DAILY', 'log.fileDaily', 'boolean'),

  v('SKIM_MIN_GAP_PCT', 'strategy.minGapPct', 'number'),
  v('SKIM_OR_MINUTES', 'strategy.orMinutes', 'integer'),
  v('SKIM_ENTRY_CUTOFF', 'strategy.entryCutoff', 'text'),
  v('SKIM_ENTRY_ORDER', 'strategy.entryOrder', 'text'),
  v('SKIM_POSITION_DOLLARS', 'strategy.positionDollars', 'dollars'),
  v('SKIM_MAX_SHARES', 'strategy.maxShares', 'integer'),
  v('SKIM_MAX_STOP_PCT', 'strategy.maxStopPct', 'number'),
  v('SKIM_HALF_EXIT_DAY', 'strategy.halfExitDay', 'integer'),
  v('SKIM_SMA_DAYS', 'strategy.smaDays', 'integer'),
  v('SKIM_REQUIRE_ANNOUNCEMENT', 'strategy.requireAnnouncement', 'boolean'),

  v('SKIM_MAX_POSITIONS', 'risk.maxPositions', 'integer'),
  v('SKIM_MAX_DAILY_LOSS_DOLLARS', 'risk.maxDailyLossDollars', 'dollars'),
  v('SKIM_MAX_ORDERS_PER_MINUTE', 'risk.maxOrdersPerMinute', 'integer'),

  v('SKIM_COMMISSION_KIND', 'commission.kind', 'text'),
  v('SKIM_COMMISSION_RATE_BPS', 'commission.rateBps', 'number'),
  v('SKIM_COMMISSION_MINIMUM_DOLLARS', 'commission.minimumDollars', 'dollars'),
  v('SKIM_COMMISSION_TIERS', 'commission.tiers', 'tiers'),
  v('SKIM_COMMISSION_EXCHANGE_FEE_BPS', 'commission.exchangeFeeBps', 'number'),
  v('SKIM_COMMISSION_CLEARING_FEE_BPS', 'commission.clearingFeeBps', 'number'),

  v('SKIM_GATEWAY_URL', 'gateway.url', 'text'),
  v('SKIM_ACCOUNT_ID', 'gateway.accountId', 'text'),
  v('SKIM_ALLOW_LIVE', 'gateway.allowLive', 'verbatim'),
  v('SKIM_GATEWAY_INSECURE_TLS', 'gateway.insecureTls', 'boolean'),
  v('SKIM_GATEWAY_CA_FILE', 'gateway.caFile', 'text'),
  v('SKIM_GATEWAY_CONFIRM_MESSAGE_IDS', 'gateway.confirmMessageIds', 'list'),
  v('SKIM_GATEWAY_TIMEOUT_MS', 'gateway.timeoutMs', 'integer'),
  v('SKIM_ALLOW_DELAYED_DATA', 'gateway.allowDelayedData', 'boolean'),
  v('SKIM_MAX_QUOTE_AGE_MS', 'gateway.maxQuoteAgeMs', 'integer'),

  v('SKIM_IBEAM_HEALTH_URL', 'ibeam.healthUrl', 'text'),
  v('SKIM_IBEAM_TIMEOUT_MS', 'ibeam.timeoutMs', 'integer'),

  v('SKIM_DISCORD_WEBHOOK_URL', 'notifications.discordWebhookUrl', 'text'),

  v('SKIM_SCAN_TRADINGVIEW', 'scan.tradingView', 'boolean'),
  v('SKIM_SCAN_ASX_ANNOUNCEMENTS', 'scan.asxAnnouncements', 'boolean'),
  v('SKIM_SCAN_IBKR_FALLBACK', 'scan.ibkrScanner', 'boolean'),
  v('SKIM_SCAN_MIN_PRICE_DOLLARS', 'scan.minPriceDollars', 'dollars'),
  v('SKIM_SCAN_MIN_VOLUME', 'scan.minVolume', 'integer'),
  v('SKIM_SCAN_TIMEOUT_MS', 'scan.timeoutMs', 'integer'),

  v('SKIM_RECORD_DIR', 'recordDir', 'text'),
  v('SKIM_REPLAY_DIR', 'replayDir', 'text'),
  v('SKIM_HOLIDAYS_ADD', 'holidays.add', 'list'),
  v('SKIM_HOLIDAYS_REMOVE', 'holidays.remove', 'list'),
];

export const KNOWN_VARIABLE_NAMES: ReadonlySet<string> = new Set([
  CONFIG_FILE_VARIABLE,
  ...ENV_VARIABLES.map((variable) => variable.name),
]);

/** The variable that sets `path` or one of its parents, if any. */
export function variableForPath(path: readonly PropertyKey[]): EnvVariable | undefined {
  return ENV_VARIABLES.find((variable) => variable.path.every((segment, i) => path[i] === segment));
}
