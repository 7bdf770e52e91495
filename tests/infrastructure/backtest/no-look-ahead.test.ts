import { describe, expect, it } from 'vitest';
import { DEFAULT_FILL_MODEL } from '../../../src/infrastructure/backtest/backtest-spec.js';
import { runBacktest } from '../../../src/infrastructure/backtest/run-backtest.js';
import { loadConfig } from '../../../src/infrastructure/config/load-config.js';
import { sydneyLocalToEpoch } from '../../../src/domain/market/sydney-time.js';
import { dollars } from '../../../src/domain/values/money.js';
import { localDate } from '../../../src/domain/values/time.js';
import { barStoreWith, session, type Ohlc } from './support/bar-days.js';

const QUIET_DAY = localDate('2025-07-14');
const GAP_DAY = localDate('2025-07-15');
const flat = (mills: number): Ohlc => [mills, mills, mills, mills];

/** Opens 5 % up, ranges 1.040-1.060 for five minutes, breaks out at 10:10; after that, `after` decides. */
function gapDay(after: (minute: number) => Ohlc): (minute: number) => Ohlc {
  return (minute) => {
    if (minute < 5) return [1050, 1060, 1040, 1050];
    if (minute < 10) return [1050, 1055, 1045, 1050];
    if (minute === 10) return [1050, 1080, 1050, 1075];
    return after(minute);
  };
}

async function fillsWith(after: (minute: number) => Ohlc) {
  const dir = barStoreWith({
    GAPA: [...session(QUIET_DAY, () => flat(1000)), ...session(GAP_DAY, gapDay(after))],
    CALM: [...session(QUIET_DAY, () => flat(2000)), ...session(GAP_DAY, () => flat(2000))],
  });
  const { config } = loadConfig({ env: {}, cwd: dir });
  const outcome = await runBacktest(config, {
    from: GAP_DAY,
    to: GAP_DAY,
    source: { kind: 'bars', dir },
    fill: { ...DEFAULT_FILL_MODEL, slippageBps: 0 },
    startingCash: dollars(100_000),
    strategy: {},
    replayEveryInstrument: false,
  });
  return outcome.run.fills;
}

describe('no look-ahead', () => {
  it('decides the entry from completed bars only: a crash right after the breakout minute changes nothing before it', async () => {
    const holds = await fillsWith(() => [1075, 1080, 1070, 1075]);
    const crashes = await fillsWith(() => [1000, 1000, 990, 995]);
    const divergence = sydneyLocalToEpoch(GAP_DAY, '10:11');

    const before = (fills: typeof holds) => fills.filter((fill) => fill.at < divergence);
    expect(before(holds)).toEqual(before(crashes));
    const entries = before(holds);
    expect(entries.map((fill) => [fill.instrument.symbol, fill.side, fill.price])).toEqual([['GAPA', 'BUY', 1065]]);
    // The crash is seen only once it has happened: the stop at the range low sells then, not earlier.
    const exits = crashes.filter((fill) => fill.side === 'SELL');
    expect(exits).toHaveLength(1);
    expect(exits[0]?.at).toBeGreaterThanOrEqual(divergence);
    expect(holds.filter((fill) => fill.side === 'SELL')).toEqual([]);
  });
});
