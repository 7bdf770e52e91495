/**
 * Backtest throughput, one JSON line per case: `npx tsx bench/backtest.bench.ts`.
 * BENCH_SYMBOLS (200), BENCH_FROM (2024-01-03) and BENCH_TO (2024-12-31) size the synthetic data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { barAt } from '../src/adapters/bars/store/bar-columns.js';
import { BarStore } from '../src/adapters/bars/store/bar-store.js';
import { SimulatedExchange } from '../src/adapters/simulated/simulated-exchange.js';
import { SyntheticMarket } from '../src/adapters/synthetic/synthetic-market.js';
import { IBKR_ASX_FIXED } from '../src/domain/costs/commission.js';
import { TradingCalendar } from '../src/domain/market/trading-calendar.js';
import { dollars } from '../src/domain/values/money.js';
import { addDays, localDate, type LocalDate } from '../src/domain/values/time.js';
import { DEFAULT_FILL_MODEL } from '../src/infrastructure/backtest/backtest-spec.js';
import { syntheticUniverse } from '../src/infrastructure/backtest/data/synthetic-universe.js';
import { runBacktest } from '../src/infrastructure/backtest/run-backtest.js';
import { loadConfig } from '../src/infrastructure/config/load-config.js';

const SYMBOLS = Number(process.env.BENCH_SYMBOLS ?? 200);
const FROM = localDate(process.env.BENCH_FROM ?? '2024-01-03');
const TO = localDate(process.env.BENCH_TO ?? '2024-12-31');
const SEED = 7;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function measure(name: string, work: () => Promise<number> | number): Promise<void> {
  peakRss = process.memoryUsage().rss;
  const started = performance.now();
  const bars = await work();
  const seconds = (performance.now() - started) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const line = {
    case: name,
    bars,
    seconds: Number(seconds.toFixed(3)),
    bars_per_sec: Math.round(bars / seconds),
    peak_rss_mb: Math.round(peakRss / 2 ** 20),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** The synthetic year written to a bar store (set-up, not measured as a case). */
function fillStore(dir: string, calendar: TradingCalendar): void {
  const market = new SyntheticMarket(
    { seed: SEED, instruments: syntheticUniverse(SYMBOLS, SEED), firstDay: FROM },
    calendar,
  );
  const writer = BarStore.open(dir).writer();
  for (let day: LocalDate = FROM; day <= TO; day = addDays(day, 1)) {
    if (!calendar.isTradingDay(day)) continue;
    for (const stock of market.instruments) {
      for (const bar of market.minuteBars(stock.instrument.symbol, day))
        writer.add(stock.instrument.symbol, '1min', bar);
    }
  }
  writer.commit();
}

function readStore(dir: string): number {
  const store = BarStore.open(dir);
  let bars = 0;
  let checksum = 0;
  for (const day of store.days(FROM, TO)) {
    for (const symbol of day.minuteSymbols) {
      const columns = day.minuteBars(symbol);
      for (let i = 0; i < columns.length; i += 1) checksum += columns.close[i] ?? 0;
      bars += columns.length;
    }
  }
  if (checksum <= 0) throw new Error('read nothing');
  return bars;
}

function matchOnExchange(dir: string): number {
  const store = BarStore.open(dir);
  const instruments = syntheticUniverse(SYMBOLS, SEED).map((stock) => stock.instrument);
  const exchange = new SimulatedExchange({
    seed: SEED,
    commission: IBKR_ASX_FIXED,
    ...DEFAULT_FILL_MODEL,
    startingCash: dollars(100_000),
    accountId: 'DUBENCH',
    instruments,
    barHistoryLimit: 1_000,
  });
  let bars = 0;
  for (const day of store.days(FROM, TO)) {
    for (const listed of instruments) {
      const columns = day.minuteBars(listed.symbol);
      for (let i = 0; i < columns.length; i += 1) exchange.publishBar(listed, barAt(columns, i));
      bars += columns.length;
    }
    exchange.endOfDay();
  }
  return bars;
}

async function fullEngine(_dir: string): Promise<number> {
  const { config } = loadConfig({ env: {}, cwd: tmpdir() });
  const outcome = await runBacktest(config, {
    from: FROM,
    to: TO,
    source: { kind: 'synthetic', seed: SEED, symbols: SYMBOLS },
    fill: DEFAULT_FILL_MODEL,
    startingCash: dollars(100_000),
    strategy: {},
    replayEveryInstrument: false,
  });
  return outcome.run.barsRead;
}

/**
 * Each step runs in a fresh process so that a case's peak memory is its own: the parent writes nothing but the
 * lines its children print.
 */
const CASES: Readonly<Record<string, (dir: string) => Promise<number> | number>> = {
  bar_store_read: readStore,
  exchange_matching: matchOnExchange,
  full_engine: fullEngine,
};

function runChild(args: readonly string[]): void {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  if (child.status !== 0) throw new Error(`bench step ${args.join(' ')} failed with ${String(child.status)}`);
}

const [step, dirArgument, caseName] = process.argv.slice(2);
try {
  if (step === 'prepare' && dirArgument !== undefined) {
    fillStore(dirArgument, new TradingCalendar());
  } else if (step === 'case' && dirArgument !== undefined && caseName !== undefined) {
    const work = CASES[caseName];
    if (work === undefined) throw new Error(`unknown bench case ${caseName}`);
    await measure(caseName, () => work(dirArgument));
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'skim-bench-'));
    try {
      runChild(['prepare', dir]);
      for (const name of Object.keys(CASES)) runChild(['case', dir, name]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  clearInterval(sampler);
}
