import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import { MemoryRepository } from '../../../src/adapters/persistence/memory/memory.repository.js';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { SimulatedBroker } from '../../../src/adapters/simulated/simulated.broker.js';
import { loadConfig } from '../../../src/infrastructure/config/load-config.js';
import { createContainer, disposeContainer } from '../../../src/infrastructure/container/create-container.js';
import { resolve } from '../../../src/infrastructure/container/token.js';
import { TOKENS } from '../../../src/infrastructure/container/tokens.js';
import { TRADING } from '../../../src/infrastructure/container/trading.bindings.js';
import { localDate } from '../../../src/domain/values/time.js';

const silent = pino({ level: 'silent' });
const dirs: string[] = [];

function configFor(profile: string, dbPath = ':memory:') {
  const dir = mkdtempSync(join(tmpdir(), 'skim-container-'));
  dirs.push(dir);
  return loadConfig({ env: { SKIM_PROFILE: profile, SKIM_DB_PATH: dbPath }, cwd: dir }).config;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createContainer', () => {
  it('wires the test profile to the in-memory repository and the simulated broker', async () => {
    const container = createContainer(configFor('test'), { logger: silent });
    expect(resolve(container, TOKENS.Repository)).toBeInstanceOf(MemoryRepository);
    expect(resolve(container, TOKENS.Broker)).toBeInstanceOf(SimulatedBroker);
    expect(resolve(container, TOKENS.Repository)).toBe(resolve(container, TOKENS.Repository));
    await disposeContainer(container);
  });

  it('opens the SQLite file of the configured path outside the test profile', async () => {
    const config = configFor('backtest', 'skim.db');
    const container = createContainer(config, { logger: silent });
    expect(resolve(container, TOKENS.Repository)).toBeInstanceOf(SqliteRepository);
    await disposeContainer(container);
  });

  it('uses the adapters a caller supplies instead of the defaults', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 14));
    const repository = new MemoryRepository();
    const container = createContainer(configFor('backtest'), { logger: silent, clock, repository });
    expect(resolve(container, TOKENS.Clock)).toBe(clock);
    expect(resolve(container, TOKENS.Repository)).toBe(repository);
    await disposeContainer(container);
  });

  it('binds the gateway stream only for the live profile when streaming is asked for', async () => {
    const live = createContainer(configFor('live'), { logger: silent, marketData: 'stream' });
    expect(live.isBound(TRADING.MarketDataStream)).toBe(true);
    expect(resolve(live, TRADING.Day)).toBeDefined();
    await disposeContainer(live);
    const polling = createContainer(configFor('live'), { logger: silent });
    expect(polling.isBound(TRADING.MarketDataStream)).toBe(false);
    const backtest = createContainer(configFor('backtest'), { logger: silent, marketData: 'stream' });
    expect(backtest.isBound(TRADING.MarketDataStream)).toBe(false);
  });

  it('applies configured holidays to the calendar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skim-container-'));
    dirs.push(dir);
    const { config } = loadConfig({ env: { SKIM_PROFILE: 'test', SKIM_HOLIDAYS_ADD: '2025-01-15' }, cwd: dir });
    const calendar = resolve(createContainer(config, { logger: silent }), TOKENS.Calendar);
    expect(calendar.isTradingDay(localDate('2025-01-15'))).toBe(false);
    expect(calendar.isTradingDay(localDate('2025-01-14'))).toBe(true);
  });
});
