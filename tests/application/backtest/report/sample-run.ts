import {
  computeBacktestMetrics,
  type BacktestResults,
} from '../../../../src/application/backtest/metrics/backtest-metrics.js';
import type { EquityPoint } from '../../../../src/application/backtest/metrics/equity-point.js';
import type {
  BacktestReportInput,
  OpeningRangeSource,
} from '../../../../src/application/backtest/report/backtest-report.js';
import { TradingCalendar } from '../../../../src/domain/market/trading-calendar.js';
import { DEFAULT_STRATEGY } from '../../../../src/domain/strategy/strategy-config.js';
import { money } from '../../../../src/domain/values/money.js';
import { localDate, type LocalDate } from '../../../../src/domain/values/time.js';
import { CBA, fill } from '../metrics/fills.js';

export const STARTING_CASH = money(50_000_000);

/** Trading days from 2024-11-25 on, for `count` days: crosses a year end and its holidays. */
export function tradingDays(count: number): LocalDate[] {
  const calendar = new TradingCalendar();
  const days: LocalDate[] = [];
  for (let day = localDate('2024-11-25'); days.length < count; day = calendar.nextTradingDay(day)) days.push(day);
  return days;
}

/** Three closed trades (a winner, a loser, one stopped the same day) and one still open. */
export function sampleFills() {
  return [
    fill({ on: '2024-11-26', side: 'BUY', shares: 110, price: 45200 }),
    fill({ on: '2024-12-02', side: 'SELL', shares: 55, price: 47000, purpose: 'day3_half' }),
    fill({ on: '2024-12-10', side: 'SELL', shares: 55, price: 46500, purpose: 'sma_trail' }),
    fill({ on: '2024-12-12', side: 'BUY', shares: 40, price: 118000, instrument: CBA }),
    fill({
      on: '2024-12-12',
      time: '14:00',
      side: 'SELL',
      shares: 40,
      price: 115000,
      purpose: 'stop',
      instrument: CBA,
    }),
    fill({ on: '2025-01-06', side: 'BUY', shares: 200, price: 24500 }),
    fill({ on: '2025-01-07', side: 'SELL', shares: 200, price: 24000, purpose: 'stop' }),
    fill({ on: '2025-02-03', side: 'BUY', shares: 100, price: 46000 }),
  ];
}

/** A wavy equity curve, one point per trading day, in exact mills. */
export function sampleEquity(count: number): EquityPoint[] {
  return tradingDays(count).map((date, i) => ({
    date,
    equity: money(STARTING_CASH + Math.round(Math.sin(i / 5) * 900_000 + i * 12_000) * 10),
  }));
}

export function sampleResults(equity: readonly EquityPoint[]): BacktestResults {
  return computeBacktestMetrics({ startingCash: STARTING_CASH, fills: sampleFills(), equity });
}

export const SAMPLE_CONFIGURATION = {
  strategy: { ...DEFAULT_STRATEGY, positionDollars: DEFAULT_STRATEGY.positionDollars },
  startingCash: STARTING_CASH,
  data: { store: 'data/bars', from: '2024-11-25', to: '2025-02-28' },
  note: 'quotes " and <tags> & ampersands stay text',
};

export function sampleReportInput(days: number, openingRange: OpeningRangeSource): BacktestReportInput {
  const equity = sampleEquity(days);
  return {
    title: 'Skim backtest <sample>',
    results: sampleResults(equity),
    equity,
    configuration: SAMPLE_CONFIGURATION,
    openingRange,
  };
}
