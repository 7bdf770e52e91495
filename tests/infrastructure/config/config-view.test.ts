import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASK, secretValues } from '../../../src/infrastructure/config/config-secrets.js';
import { describeConfig } from '../../../src/infrastructure/config/config-view.js';
import { loadConfig } from '../../../src/infrastructure/config/load-config.js';
import { useTempDir } from '../temp-dir.js';

const WEBHOOK = 'https://discord.com/api/webhooks/112233445566778899/Secret-Token-0123456789abcdef';

const tempDir = useTempDir('view');

describe('describeConfig', () => {
  it('masks secrets and shows money in dollars', () => {
    const { config } = loadConfig({
      env: { SKIM_DISCORD_WEBHOOK_URL: WEBHOOK, SKIM_POSITION_DOLLARS: '2500.5' },
      cwd: tempDir(),
    });
    const view = describeConfig(config);
    const text = JSON.stringify(view);
    expect(text).not.toContain('Secret-Token');
    expect(view.notifications).toEqual({ discordWebhookUrl: MASK });
    expect(view.strategy).toMatchObject({ positionDollars: '2500.50' });
    expect(view.risk).toMatchObject({ maxDailyLossDollars: '1000.00' });
  });

  it('is a config file that reproduces the same configuration', () => {
    const env = {
      SKIM_PROFILE: 'backtest',
      SKIM_ALLOW_LIVE: 'yes-i-understand',
      SKIM_COMMISSION_KIND: 'tiered',
      SKIM_COMMISSION_TIERS: '10000000:8,*:5',
      SKIM_HOLIDAYS_ADD: '2026-12-29',
      SKIM_SCAN_MIN_PRICE_DOLLARS: '0.105',
      SKIM_GATEWAY_CONFIRM_MESSAGE_IDS: 'o163',
    };
    const { config } = loadConfig({ env, cwd: tempDir() });
    writeFileSync(join(tempDir(), 'skim.config.json'), JSON.stringify(describeConfig(config)));
    expect(loadConfig({ env: {}, cwd: tempDir() }).config).toEqual(config);
  });
});

describe('secretValues', () => {
  it('lists the webhook URL and its token, for the logger to scrub', () => {
    const { config } = loadConfig({ env: { SKIM_DISCORD_WEBHOOK_URL: WEBHOOK }, cwd: tempDir() });
    expect(secretValues(config)).toEqual([WEBHOOK, '112233445566778899', 'Secret-Token-0123456789abcdef']);
    expect(secretValues(loadConfig({ env: {}, cwd: tempDir() }).config)).toEqual([]);
  });
});
