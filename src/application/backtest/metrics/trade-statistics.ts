import { money, type Money } from '../../../domain/values/money.js';
import type { Trade } from './trade.js';

export interface TradeStatistics {
  /** Closed trades; open ones have no result yet. */
  readonly trades: number;
  readonly openTrades: number;
  /** Closed trades that made money (a trade that broke even is neither a win nor a loss). */
  readonly wins: number;
  readonly losses: number;
  readonly winRate: number | null;
  readonly averageWin: Money | null;
  readonly averageLoss: Money | null;
  /** Mean result per closed trade. */
  readonly expectancy: Money | null;
  /** Gross profit / gross loss; null without a losing trade. */
  readonly profitFactor: number | null;
  /** The sum of closed trades' results: exact, from the fills. */
  readonly realisedPnl: Money;
}

export function tradeStatistics(trades: readonly Trade[]): TradeStatistics {
  const results = trades.flatMap((trade) => (trade.netPnl === null ? [] : [trade.netPnl]));
  const wins = results.filter((pnl) => pnl > 0);
  const losses = results.filter((pnl) => pnl < 0);
  const grossProfit = total(wins);
  const grossLoss = -total(losses);
  return {
    trades: results.length,
    openTrades: trades.length - results.length,
    wins: wins.length,
    losses: losses.length,
    winRate: results.length === 0 ? null : wins.length / results.length,
    averageWin: meanMoney(wins),
    averageLoss: meanMoney(losses),
    expectancy: meanMoney(results),
    profitFactor: grossLoss === 0 ? null : grossProfit / grossLoss,
    realisedPnl: money(total(results)),
  };
}

function total(amounts: readonly Money[]): number {
  return amounts.reduce((sum, amount) => sum + amount, 0);
}

/** The mean to the nearest mill, halves away from zero; null for no amounts. */
function meanMoney(amounts: readonly Money[]): Money | null {
  if (amounts.length === 0) return null;
  const mean = total(amounts) / amounts.length;
  return money(Math.sign(mean) * Math.round(Math.abs(mean)));
}
