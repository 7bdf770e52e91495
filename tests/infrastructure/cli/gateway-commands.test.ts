import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewaySimulator, type GatewaySimulator } from '../../../src/adapters/gateway-sim/gateway-simulator.js';
import { MarketTicker } from '../../../src/adapters/gateway-sim/market/market-ticker.js';
import type { Environment } from '../../../src/infrastructure/config/load-config.js';
import { ExitCode } from '../../../src/infrastructure/cli/exit-codes.js';
import { runCli } from '../../../src/infrastructure/cli/run-cli.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('cli-gateway');
let simulator: GatewaySimulator;
let ticker: MarketTicker;

beforeAll(async () => {
  const startAt = Date.UTC(2025, 0, 14, 0, 0);
  simulator = await startGatewaySimulator({ replayFrom: startAt, emptyFirstLiveOrders: false });
  ticker = new MarketTicker(simulator.market, simulator.exchange.instruments(), {
    seed: 3,
    intervalMs: 200,
    startAt,
    openingPrices: { BHP: 45.2 },
  });
  ticker.start();
});

afterAll(async () => {
  ticker.stop();
  await simulator.close();
});

async function skim(args: string[], env: Environment = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'skim', ...args], {
    env: {
      SKIM_LOG_LEVEL: 'silent',
      SKIM_GATEWAY_URL: simulator.url,
      SKIM_GATEWAY_INSECURE_TLS: 'true',
      SKIM_IBEAM_HEALTH_URL: simulator.healthUrl,
      ...env,
    },
    cwd: tempDir(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('gateway commands against the loopback simulator', () => {
  it('skim account prints the paper account and its balances', async () => {
    const { code, stdout } = await skim(['account']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('account DU1234567 (paper, AUD)');
    expect(stdout).toMatch(/net liquidation \d+\.\d{2}/);
  });

  it('skim quote prints a snapshot for the ASX listing of BHP', async () => {
    const { code, stdout } = await skim(['quote', 'BHP']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toMatch(/^BHP\s+\d+\.\d{2}\s/m);
    expect(stdout).toContain('realtime');
  });

  it('skim order without --yes only shows the order and sends nothing', async () => {
    const { code, stdout } = await skim(['order', 'buy', 'BHP', '10', '--type', 'market']);
    expect(code).toBe(ExitCode.Refused);
    expect(stdout).toContain('would send: BUY 10 BHP market DAY on DU1234567');
    expect(simulator.exchange.orders()).toHaveLength(0);
  });

  it('skim order sends one market order and prints its final status', async () => {
    const { code, stdout } = await skim([
      'order',
      'buy',
      'BHP',
      '10',
      '--type',
      'market',
      '--yes',
      '--id',
      'cli-test-1',
    ]);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toMatch(/order \d+: filled, filled 10\/10 at \d+\.\d{3}/);
    const again = await skim(['order', 'buy', 'BHP', '10', '--type', 'market', '--yes', '--id', 'cli-test-1']);
    expect(again.code).toBe(ExitCode.Ok);
    expect(simulator.exchange.orders().filter((o) => o.clientOrderId === 'cli-test-1')).toHaveLength(1);
  });

  it('refuses to sell more than the account holds', async () => {
    const { code, stderr } = await skim(['order', 'sell', 'CBA', '5', '--yes']);
    expect(code).toBe(ExitCode.Refused);
    expect(stderr).toContain('CBA');
  });

  it('the paper guard refuses a live account id', async () => {
    const live = await startGatewaySimulator({ accountId: 'U7654321' });
    try {
      const { code, stderr } = await skim(['account'], { SKIM_GATEWAY_URL: live.url });
      expect(code).toBe(ExitCode.Refused);
      expect(stderr).toContain('U7654321');
    } finally {
      await live.close();
    }
  });

  it('live status shows IBeam and gateway health', async () => {
    const { code, stdout } = await skim(['status'], { SKIM_PROFILE: 'live', SKIM_ACCOUNT_ID: 'DU1234567' });
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toMatch(/gateway: authenticated, IBeam alive/);
  });
});
