import type { Candidate } from '../../domain/candidate/candidate.js';
import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { GatewayHealth } from '../../domain/ports/gateway-health.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import { averageEntryMills } from '../../domain/position/position.js';
import type { DailyLossGuard } from '../shared/daily-loss-guard.js';
import type { PositionMark } from '../shared/day-pnl.js';
import { errorText } from '../shared/error-text.js';
import { sydneyDayBounds } from '../shared/sydney-day.js';
import type { HaltSwitch } from '../shared/trading-halt.js';
import type { CandidateLine, GatewayLine, PositionLine, StatusReport } from './status-report.js';

/** What Skim is doing right now: candidates, positions and P&L, the gateway and the switches that stop entries. */
export class StatusUseCase {
  constructor(
    private readonly repository: Repository,
    private readonly dailyLoss: DailyLossGuard,
    private readonly gatewayHealth: GatewayHealth,
    private readonly halt: HaltSwitch,
    private readonly calendar: TradingCalendar,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<StatusReport> {
    const asOf = this.clock.now();
    const date = sydneyDateOf(asOf);
    const bounds = sydneyDayBounds(date);
    const { killSwitch, pnl } = await this.dailyLoss.check(date, asOf);
    return {
      asOf,
      date,
      tradingDay: this.calendar.isTradingDay(date),
      candidates: this.repository.candidates.forDate(date).map(candidateLine),
      positions: pnl.marks.map(positionLine),
      trades: this.repository.trades.between(bounds.from, bounds.to),
      realisedPnl: pnl.realised,
      unrealisedPnl: pnl.unrealised,
      dayPnl: pnl.total,
      gateway: await this.gateway(),
      halt: this.halt.isHalted(),
      killSwitch,
      maxDailyLoss: this.dailyLoss.limit,
    };
  }

  private async gateway(): Promise<GatewayLine> {
    try {
      return { reachable: true, health: await this.gatewayHealth.check() };
    } catch (error) {
      return { reachable: false, error: errorText(error) };
    }
  }
}

function candidateLine(candidate: Candidate): CandidateLine {
  const { symbol, status, gapPct, headline, openingRangeHigh, openingRangeLow, lowOfDay, note } = candidate;
  return {
    symbol,
    status,
    gapPct,
    ...(headline === undefined ? {} : { headline }),
    ...(openingRangeHigh === undefined ? {} : { openingRangeHigh }),
    ...(openingRangeLow === undefined ? {} : { openingRangeLow }),
    ...(lowOfDay === undefined ? {} : { lowOfDay }),
    ...(note === undefined ? {} : { note }),
  };
}

function positionLine(mark: PositionMark): PositionLine {
  const { position } = mark;
  const facts = {
    symbol: position.instrument.symbol,
    positionId: position.id,
    status: position.status,
    quantity: position.quantity,
    entryDate: position.entryDate,
    averageEntryMills: averageEntryMills(position),
    stopPrice: position.stopPrice,
  };
  return mark.priced
    ? { ...facts, priced: true, last: mark.last, unrealisedPnl: mark.unrealised }
    : { ...facts, priced: false, quoteMissing: mark.missing };
}
