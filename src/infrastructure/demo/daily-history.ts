import type { SimulatorMarket } from '../../adapters/gateway-sim/market/simulator-market.js';
import type { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { LocalDate } from '../../domain/values/time.js';

/**
 * Gives the simulated gateway the synthetic market's daily bars up to the trading day before `firstDay`, as
 * IBKR has years of them: without them Skim finds no previous close (so no gap) on the first replayed day,
 * and no moving average to trail by for days.
 */
export function recordDailyHistory(
  gateway: Pick<SimulatorMarket, 'recordBars'>,
  market: SyntheticMarket,
  calendar: TradingCalendar,
  firstDay: LocalDate,
): void {
  const lastHistoryDay = calendar.previousTradingDay(firstDay);
  for (const stock of market.instruments) {
    const symbol = stock.instrument.symbol;
    gateway.recordBars(symbol, [...market.dailyBars(symbol, market.firstDay, lastHistoryDay)], '1d');
  }
}
