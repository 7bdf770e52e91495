import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_LIMITS } from '../../../src/domain/risk/risk-limits.js';
import { DEFAULT_STRATEGY } from '../../../src/domain/strategy/strategy-config.js';
import { IBKR_ASX_FIXED } from '../../../src/domain/costs/commission.js';
import { money } from '../../../src/domain/values/money.js';
import { ConfigError, type ConfigProblem } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig, type Environment } from '../../../src/infrastructure/config/load-config.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('config');

const load = (env: Environment = {}) => loadConfig({ env, cwd: tempDir() });
const writeConfigFile = (content: unknown, name = 'skim.config.json'): string => {
  const path = join(tempDir(), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

function problemsOf(env: Environment): ConfigProblem[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}
const sources = (env: Environment): string[] => problemsOf(env).map((problem) => problem.source);

describe('loadConfig defaults', () => {
  it('follows the strategy specification when nothing is set', () => {
    const { config, warnings, file } = load();
    expect(config.strategy).toEqual(DEFAULT_STRATEGY);
    expect(config.risk).toEqual(DEFAULT_RISK_LIMITS);
    expect(config.commission).toEqual(IBKR_ASX_FIXED);
    expect(config.profile).toBe('demo');
    expect(config.dbPath).toBe(join(tempDir(), 'data', 'skim.db'));
    expect(config.gateway.url).toBe('https://127.0.0.1:5000');
    expect(config.gateway.allowLive).toBe(false);
    expect(config.gateway.confirmMessageIds).not.toContain('o354');
    expect(config.ibeam.healthUrl).toBe('http://127.0.0.1:5001');
    expect(config.scan).toMatchObject({ tradingView: true, asxAnnouncements: true, ibkrScanner: true });
    expect(config.notifications.discordWebhookUrl).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(file).toBeUndefined();
  });

  it('returns a deeply frozen configuration', () => {
    const { config } = load();
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.strategy)).toBe(true);
    expect(Object.isFrozen(config.gateway.confirmMessageIds)).toBe(true);
  });

  it('takes the risk limits per position from the strategy, so the two cannot disagree', () => {
    const { config } = load({ SKIM_POSITION_DOLLARS: '2500', SKIM_MAX_SHARES: '400' });
    expect(config.risk.positionDollars).toBe(money(2_500_000));
    expect(config.risk.maxShares).toBe(400);
  });
});

describe('loadConfig sources', () => {
  it('reads skim.config.json from the working directory', () => {
    const path = writeConfigFile({ strategy: { minGapPct: 4.5 }, risk: { maxPositions: 3 } });
    const { config, file } = load();
    expect(file).toBe(path);
    expect(config.strategy.minGapPct).toBe(4.5);
    expect(config.risk.maxPositions).toBe(3);
    expect(config.strategy.orMinutes).toBe(DEFAULT_STRATEGY.orMinutes);
  });

  it('lets environment variables override the file, field by field', () => {
    writeConfigFile({ strategy: { minGapPct: 4.5, orMinutes: 10 }, gateway: { url: 'https://ibeam:5000' } });
    const { config } = load({ SKIM_MIN_GAP_PCT: '6', SKIM_GATEWAY_URL: 'https://gw.internal:5000/' });
    expect(config.strategy.minGapPct).toBe(6);
    expect(config.strategy.orMinutes).toBe(10);
    expect(config.gateway.url).toBe('https://gw.internal:5000');
  });

  it('reads the file named by SKIM_CONFIG_FILE instead of the default one', () => {
    writeConfigFile({ profile: 'test' });
    const other = writeConfigFile({ profile: 'backtest' }, 'other.json');
    const { config, file } = load({ SKIM_CONFIG_FILE: 'other.json' });
    expect(file).toBe(other);
    expect(config.profile).toBe('backtest');
  });

  it('reads the oldest quote a streamed decision may use, within half a second to a minute', () => {
    expect(load().config.gateway.maxQuoteAgeMs).toBe(5_000);
    expect(load({ SKIM_MAX_QUOTE_AGE_MS: '2000' }).config.gateway.maxQuoteAgeMs).toBe(2_000);
    expect(sources({ SKIM_MAX_QUOTE_AGE_MS: 'soon' })).toEqual(['SKIM_MAX_QUOTE_AGE_MS']);
    expect(sources({ SKIM_MAX_QUOTE_AGE_MS: '100' })).toEqual(['SKIM_MAX_QUOTE_AGE_MS']);
    expect(sources({ SKIM_MAX_QUOTE_AGE_MS: '3600000' })).toEqual(['SKIM_MAX_QUOTE_AGE_MS']);
  });

  it('treats an empty variable as unset', () => {
    writeConfigFile({ strategy: { maxShares: 200 } });
    expect(load({ SKIM_MAX_SHARES: '' }).config.strategy.maxShares).toBe(200);
  });

  it('resolves relative paths against the working directory', () => {
    const { config } = load({ SKIM_DB_PATH: 'db/x.db', SKIM_LOG_FILE: 'logs/skim.log', SKIM_RECORD_DIR: '/abs/rec' });
    expect(config.dbPath).toBe(join(tempDir(), 'db', 'x.db'));
    expect(config.log.file).toBe(join(tempDir(), 'logs', 'skim.log'));
    expect(config.recordDir).toBe('/abs/rec');
    expect(load({ SKIM_DB_PATH: ':memory:' }).config.dbPath).toBe(':memory:');
  });

  it('maps tiered commission settings onto the domain schedule', () => {
    const { config } = load({
      SKIM_COMMISSION_KIND: 'tiered',
      SKIM_COMMISSION_TIERS: '10000000:8, 50000000:5, *:2',
      SKIM_COMMISSION_EXCHANGE_FEE_BPS: '0.15',
    });
    expect(config.commission).toEqual({
      kind: 'tiered',
      tiers: [
        { upToMonthlyValue: money(10_000_000_000), rateBps: 8 },
        { upToMonthlyValue: money(50_000_000_000), rateBps: 5 },
        { upToMonthlyValue: null, rateBps: 2 },
      ],
      minimum: IBKR_ASX_FIXED.minimum,
      exchangeFeeBps: 0.15,
      clearingFeeBps: 0,
    });
  });
});

describe('loadConfig money', () => {
  it('converts dollar strings to mills exactly', () => {
    const { config } = load({
      SKIM_POSITION_DOLLARS: '4999.995',
      SKIM_MAX_DAILY_LOSS_DOLLARS: '0.1',
      SKIM_COMMISSION_MINIMUM_DOLLARS: '6.00',
    });
    expect(config.strategy.positionDollars).toBe(money(4_999_995));
    expect(config.risk.maxDailyLoss).toBe(money(100));
    expect(config.commission.minimum).toBe(money(6000));
  });

  it('converts JSON numbers from the file exactly, e.g. 0.1 + 0.2 style amounts', () => {
    writeConfigFile({ strategy: { positionDollars: 1234.567 }, scan: { minPriceDollars: 0.3 } });
    const { config } = load();
    expect(config.strategy.positionDollars).toBe(money(1_234_567));
    expect(config.scan.minPrice).toBe(money(300));
  });

  it('refuses amounts finer than a mill, malformed or not positive', () => {
    const problems = problemsOf({
      SKIM_POSITION_DOLLARS: '5000.0001',
      SKIM_MAX_DAILY_LOSS_DOLLARS: '1,000',
      SKIM_COMMISSION_MINIMUM_DOLLARS: '-1',
    });
    expect(problems.map((p) => p.source).sort()).toEqual([
      'SKIM_COMMISSION_MINIMUM_DOLLARS',
      'SKIM_MAX_DAILY_LOSS_DOLLARS',
      'SKIM_POSITION_DOLLARS',
    ]);
    expect(sources({ SKIM_POSITION_DOLLARS: '0' })).toEqual(['SKIM_POSITION_DOLLARS']);
  });
});

describe('loadConfig booleans', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['YES', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('reads %s as %s', (text, expected) => {
    expect(load({ SKIM_REQUIRE_ANNOUNCEMENT: text }).config.strategy.requireAnnouncement).toBe(expected);
  });

  it.each(['y', 'on', 'off', 'enabled', '2'])('rejects %s, naming the variable', (text) => {
    const problems = problemsOf({ SKIM_GATEWAY_INSECURE_TLS: text });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.source).toBe('SKIM_GATEWAY_INSECURE_TLS');
    expect(problems[0]?.message).toContain(JSON.stringify(text));
  });
});

describe('loadConfig live-trading consent', () => {
  it('allows live trading only for the exact phrase', () => {
    expect(load({ SKIM_ALLOW_LIVE: 'yes-i-understand' }).config.gateway.allowLive).toBe(true);
  });

  it.each(['', 'no', 'false', '0'])('keeps live trading off without complaint for %j', (text) => {
    expect(load({ SKIM_ALLOW_LIVE: text }).config.gateway.allowLive).toBe(false);
  });

  it.each(['yes', 'true', '1', ' yes-i-understand', 'yes-i-understand ', 'YES-I-UNDERSTAND', 'yes i understand'])(
    'reports the near miss %j as a problem',
    (text) => {
      const problems = problemsOf({ SKIM_ALLOW_LIVE: text });
      expect(problems.map((p) => p.source)).toEqual(['SKIM_ALLOW_LIVE']);
      expect(problems[0]?.message).toContain('yes-i-understand');
    },
  );

  it.each(['SKIM_ALLOW_LIVES', 'SKIM_ALOW_LIVE', 'skim_allow_live', 'SKIM_ALLOW_LIVE_TRADING', 'SKIM_LIVE_ALLOW'])(
    'fails on the misspelt variable %s instead of only warning',
    (name) => {
      expect(sources({ [name]: 'yes-i-understand' })).toEqual([name]);
    },
  );

  it('refuses a boolean true in the file: the phrase is required there too', () => {
    writeConfigFile({ gateway: { allowLive: true } });
    expect(sources({})).toEqual(['skim.config.json:gateway.allowLive']);
  });
});

describe('loadConfig unknown variables', () => {
  it('warns about unknown SKIM_ variables and suggests the likely one', () => {
    const { warnings } = load({ SKIM_MIN_GAP: '4', SKIM_MAX_SHARE: '10', SKIM_SOMETHING_ELSE: 'x', PATH: '/bin' });
    expect(warnings.map((w) => w.source)).toEqual(['SKIM_MAX_SHARE', 'SKIM_MIN_GAP', 'SKIM_SOMETHING_ELSE']);
    expect(warnings[0]?.message).toContain('SKIM_MAX_SHARES');
    expect(warnings[1]?.message).toContain('SKIM_MIN_GAP_PCT');
    expect(warnings[2]?.message).not.toContain('did you mean');
  });

  it('keeps the warnings on the error when the configuration is also invalid', () => {
    try {
      load({ SKIM_MIN_GAP: '4', SKIM_OR_MINUTES: 'five' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).warnings.map((w) => w.source)).toEqual(['SKIM_MIN_GAP']);
    }
  });
});

describe('loadConfig errors', () => {
  it('reports every invalid setting at once, each named by its variable', () => {
    const problems = problemsOf({
      SKIM_PROFILE: 'production',
      SKIM_MIN_GAP_PCT: 'three',
      SKIM_OR_MINUTES: '2.5',
      SKIM_ENTRY_CUTOFF: '9:30',
      SKIM_ENTRY_ORDER: 'limit',
      SKIM_MAX_STOP_PCT: '150',
      SKIM_LOG_LEVEL: 'verbose',
      SKIM_GATEWAY_URL: 'ftp://gateway',
      SKIM_ACCOUNT_ID: 'du 123',
      SKIM_HOLIDAYS_ADD: '2026-01-02,2026-02-30',
      SKIM_COMMISSION_KIND: 'tiered',
    });
    expect(problems.map((p) => p.source).sort()).toEqual([
      'SKIM_ACCOUNT_ID',
      'SKIM_COMMISSION_TIERS',
      'SKIM_ENTRY_CUTOFF',
      'SKIM_ENTRY_ORDER',
      'SKIM_GATEWAY_URL',
      'SKIM_HOLIDAYS_ADD',
      'SKIM_LOG_LEVEL',
      'SKIM_MAX_STOP_PCT',
      'SKIM_MIN_GAP_PCT',
      'SKIM_OR_MINUTES',
      'SKIM_PROFILE',
    ]);
  });

  it('puts every problem in the error message', () => {
    try {
      load({ SKIM_MIN_GAP_PCT: 'three', SKIM_SMA_DAYS: '1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('2 problems');
      expect(message).toContain('SKIM_MIN_GAP_PCT: expected a number, got "three"');
      expect(message).toContain('SKIM_SMA_DAYS:');
    }
  });

  it('names file fields by their path, and unknown file fields too', () => {
    writeConfigFile({ strategy: { minGapPct: -1, orMinutse: 5 }, risk: { maxPositions: 0 }, extra: true });
    expect(sources({}).sort()).toEqual([
      'skim.config.json:extra',
      'skim.config.json:risk.maxPositions',
      'skim.config.json:strategy.minGapPct',
      'skim.config.json:strategy.orMinutse',
    ]);
  });

  it('combines file, environment and cross-field problems', () => {
    writeConfigFile({ strategy: { smaDays: 'ten' } });
    const problems = problemsOf({
      SKIM_PROFILE: 'live',
      SKIM_SCAN_TRADINGVIEW: 'false',
      SKIM_SCAN_IBKR_FALLBACK: 'false',
      SKIM_GATEWAY_INSECURE_TLS: 'true',
      SKIM_GATEWAY_CA_FILE: 'gateway.pem',
      SKIM_MAX_POSITIONS: 'many',
    });
    expect(problems.map((p) => p.source).sort()).toEqual([
      'SKIM_GATEWAY_INSECURE_TLS',
      'SKIM_MAX_POSITIONS',
      'SKIM_SCAN_TRADINGVIEW',
      'skim.config.json:strategy.smaDays',
    ]);
  });

  it('requires the announcement source when a live strategy requires announcements', () => {
    expect(sources({ SKIM_PROFILE: 'live', SKIM_SCAN_ASX_ANNOUNCEMENTS: 'no' })).toEqual([
      'SKIM_SCAN_ASX_ANNOUNCEMENTS',
    ]);
    expect(
      load({ SKIM_PROFILE: 'live', SKIM_SCAN_ASX_ANNOUNCEMENTS: 'no', SKIM_REQUIRE_ANNOUNCEMENT: 'no' }).config.scan
        .asxAnnouncements,
    ).toBe(false);
  });

  it('checks the shape of tiered commission schedules', () => {
    const tiers = (value: string) => problemsOf({ SKIM_COMMISSION_KIND: 'tiered', SKIM_COMMISSION_TIERS: value });
    expect(tiers('100:8,50:4')[0]?.message).toContain('last tier');
    expect(tiers('100:8,50:4,*:2')[0]?.message).toContain('rise');
    expect(tiers('*:8,*:4')[0]?.message).toContain('only the last tier');
    expect(tiers('100-8')[0]?.message).toContain('upToDollars:bps');
  });

  it('reports a missing named file and a file that is not JSON', () => {
    expect(sources({ SKIM_CONFIG_FILE: 'missing.json' })).toEqual(['SKIM_CONFIG_FILE']);
    writeConfigFile('{ "strategy": ');
    expect(problemsOf({})[0]?.source).toBe('skim.config.json');
    expect(problemsOf({})[0]?.message).toContain('JSON');
    writeConfigFile([1, 2]);
    expect(problemsOf({})[0]?.message).toContain('JSON object');
  });

  it('never echoes the value of a secret setting in a problem', () => {
    const webhook = 'http://discord.com/api/webhooks/1/very-secret-token';
    const problems = problemsOf({ SKIM_DISCORD_WEBHOOK_URL: webhook });
    expect(problems.map((p) => p.source)).toEqual(['SKIM_DISCORD_WEBHOOK_URL']);
    expect(JSON.stringify(problems)).not.toContain('very-secret-token');
  });
});
