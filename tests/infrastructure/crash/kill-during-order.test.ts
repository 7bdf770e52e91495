import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewaySimulator, type GatewaySimulator } from '../../../src/adapters/gateway-sim/gateway-simulator.js';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { price } from '../../../src/domain/values/price.js';
import { useTempDir } from '../temp-dir.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'src/infrastructure/cli/main.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^skim_/i.test(name)));

const tempDir = useTempDir('crash');
const START = Date.UTC(2025, 0, 14, 0, 0); // 11:00 Sydney
const ORDER_ID = 'crash-order-1';
let simulator: GatewaySimulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

function env(sim: GatewaySimulator): Record<string, string> {
  return {
    ...baseEnv,
    SKIM_PROFILE: 'live',
    SKIM_DB_PATH: join(tempDir(), 'skim.db'),
    SKIM_GATEWAY_URL: sim.url,
    SKIM_GATEWAY_INSECURE_TLS: 'true',
    SKIM_IBEAM_HEALTH_URL: sim.healthUrl,
    SKIM_ACCOUNT_ID: 'DU1234567',
    SKIM_LOG_LEVEL: 'warn',
  };
}

function publishMinute(sim: GatewaySimulator, minute: number, close: number): void {
  sim.market.publishBar('BHP', {
    start: START + minute * 60_000,
    open: price(close),
    high: price(close + 20),
    low: price(close - 20),
    close: price(close),
    volume: 50_000,
  });
}

function run(args: string[], environment: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: tempDir(), env: environment });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      resolve({ code, stderr });
    });
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a crash between sending an order and recording the answer', () => {
  it('is repaired by skim reconcile with exactly the broker position and no second order', async () => {
    const sim = await startGatewaySimulator({ replayFrom: START, emptyFirstLiveOrders: false });
    simulator = sim;
    publishMinute(sim, 0, 45_200);
    // The order is carried out at the exchange, but its answer is held back long enough to kill the sender.
    sim.faults.latency({ match: 'POST /iserver/reply/*', ms: 30_000, when: 'after' });

    const child = spawn(
      process.execPath,
      ['--import', TSX, MAIN, 'order', 'buy', 'BHP', '10', '--type', 'market', '--yes', '--id', ORDER_ID],
      { cwd: tempDir(), env: env(sim), stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => {
        resolve(signal);
      }),
    );
    await until(
      () => sim.exchange.orders().some((o) => o.clientOrderId === ORDER_ID),
      'the order to reach the exchange',
    );
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const before = SqliteRepository.open(join(tempDir(), 'skim.db'));
    expect(before.journal.get(clientOrderId(ORDER_ID))?.state).toBe('submitting');
    expect(before.positions.withStatus(['open'])).toEqual([]);
    before.close();

    sim.faults.latency({ match: 'POST /iserver/reply/*', ms: 0, when: 'after' });
    publishMinute(sim, 1, 45_300); // the market order fills at this bar's open

    // Asynchronously: the simulator answering it lives in this process.
    const reconcile = await run(['reconcile', '--json'], env(sim));
    expect(reconcile.stderr).toBe('');
    expect(reconcile.code).toBe(0);

    const orders = sim.exchange.orders().filter((o) => o.clientOrderId === ORDER_ID);
    expect(orders).toHaveLength(1);
    expect(sim.exchange.orders()).toHaveLength(1);

    const after = SqliteRepository.open(join(tempDir(), 'skim.db'));
    const journal = after.journal.get(clientOrderId(ORDER_ID));
    const positions = after.positions.withStatus(['open']);
    after.close();
    expect(journal?.state).toBe('filled');
    expect(journal?.brokerOrderId).toBe(orders[0]?.brokerOrderId);
    const held = sim.exchange.positions();
    expect(positions.map((p) => [p.instrument.symbol, p.quantity])).toEqual([['BHP', 10]]);
    expect(held.map((p) => [p.instrument.symbol, p.quantity])).toEqual([['BHP', 10]]);
  });
});
