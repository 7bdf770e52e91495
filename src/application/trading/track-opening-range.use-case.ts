import { moveCandidate, type Candidate } from '../../domain/candidate/candidate.js';
import { continuousOpenAt } from '../../domain/market/session-schedule.js';
import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import { gapPct, passesGapFilter } from '../../domain/strategy/gap.js';
import type { StrategyConfig } from '../../domain/strategy/strategy-config.js';
import { formatPrice } from '../../domain/values/price.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';
import type { MarketView } from '../streaming/market-view.js';
import { sessionPricesFromBars } from '../streaming/session-prices.js';
import { errorText } from '../shared/error-text.js';
import type { InstrumentDirectory } from '../shared/instrument-directory.js';
import { readOfficialOpen } from './official-open.js';

export interface OpeningRangeProgress {
  /** Candidates still waiting for their open or for their range to complete. */
  readonly waiting: number;
}

/**
 * The open for today's candidates: the gap rule on the official open (watching -> triggered or expired),
 * then the opening range from completed one-minute bars, or from streamed trades when a stream heard them all
 * (ORH, ORL and the low of day on the candidate).
 * Safe to call every minute: each candidate moves once, and nothing is read before it has happened.
 */
export class TrackOpeningRangeUseCase {
  constructor(
    private readonly broker: Broker,
    private readonly repository: Repository,
    private readonly instruments: InstrumentDirectory,
    private readonly calendar: TradingCalendar,
    private readonly clock: Clock,
    private readonly strategy: StrategyConfig,
    private readonly log: AppLogger,
    /** Streamed market data, when a stream runs: the range then comes from its trades while it heard them all. */
    private readonly market?: MarketView,
  ) {}

  async run(): Promise<OpeningRangeProgress> {
    const now = this.clock.now();
    const today = sydneyDateOf(now);
    if (!this.calendar.isTradingDay(today)) return { waiting: 0 };
    let waiting = 0;
    for (const candidate of this.repository.candidates.forDate(today, ['watching', 'triggered'])) {
      const settled = await this.attempt(candidate, () =>
        candidate.status === 'watching' ? this.decideGap(candidate, now) : this.buildRange(candidate, now),
      );
      if (!settled) waiting += 1;
    }
    return { waiting };
  }

  /** Runs one candidate's step; a broker failure is logged and leaves the candidate for the next call. */
  private async attempt(candidate: Candidate, step: () => Promise<boolean>): Promise<boolean> {
    try {
      return await step();
    } catch (error) {
      this.log.error(
        { symbol: candidate.symbol, status: candidate.status, error: errorText(error) },
        'open tracking failed',
      );
      return false;
    }
  }

  /** True once the candidate's gap is decided (and its range too, when it was triggered and complete). */
  private async decideGap(candidate: Candidate, now: EpochMs): Promise<boolean> {
    const { symbol, tradingDate } = candidate;
    if (this.strategy.requireAnnouncement && candidate.announcementAt === undefined) {
      const note = 'no price-sensitive announcement, and the strategy requires one';
      this.save(moveCandidate(candidate, 'rejected', now, { note }));
      this.log.info({ symbol }, `candidate rejected: ${note}`);
      return true;
    }
    const sessionOpen = continuousOpenAt(symbol, tradingDate);
    if (now < sessionOpen) return false;
    const instrument = await this.instruments.resolve(symbol);
    const official = await readOfficialOpen(this.broker, instrument, tradingDate, sessionOpen, now);
    if (official.kind !== 'open') {
      this.log.debug({ symbol, reason: official.kind, detail: official.detail }, 'no official open yet');
      return false;
    }
    const { open, previousClose } = official;
    const gap = gapPct(open, previousClose);
    const facts = {
      symbol,
      open: formatPrice(open),
      previousClose: formatPrice(previousClose),
      gapPct: round2(gap),
      minGapPct: this.strategy.minGapPct,
      source: official.source,
    };
    if (!passesGapFilter(open, previousClose, this.strategy.minGapPct)) {
      const note = `gap ${round2(gap)} % at the open is below the ${this.strategy.minGapPct} % minimum`;
      this.save(moveCandidate(candidate, 'expired', now, { gapPct: gap, note }));
      this.log.info(facts, `candidate expired: ${note}`);
      return true;
    }
    const note = `gapped ${round2(gap)} % at the open (${formatPrice(previousClose)} -> ${formatPrice(open)})`;
    const triggered = moveCandidate(candidate, 'triggered', now, { gapPct: gap, note });
    this.save(triggered);
    this.log.info(facts, `candidate triggered: ${note}`);
    return this.buildRange(triggered, now);
  }

  /** True once the range is recorded (or the candidate expired because nothing traded in it). */
  private async buildRange(candidate: Candidate, now: EpochMs): Promise<boolean> {
    if (candidate.openingRangeHigh !== undefined) return true;
    const { symbol, tradingDate } = candidate;
    const sessionOpen = continuousOpenAt(symbol, tradingDate);
    const window = { sessionOpen, orMinutes: this.strategy.orMinutes, asOf: now };
    const instrument = await this.instruments.resolve(symbol);
    const prices =
      this.market?.sessionPrices(instrument, window) ?? (await sessionPricesFromBars(this.broker, instrument, window));
    const { range } = prices;
    if (range.status === 'forming') return false;
    if (range.status === 'no_trades') {
      const note = `nothing traded in the first ${this.strategy.orMinutes} minutes: no opening range`;
      this.save(moveCandidate(candidate, 'expired', now, { note }));
      this.log.info({ symbol }, `candidate expired: ${note}`);
      return true;
    }
    const lowOfDay = prices.lowOfDay ?? range.low;
    const note = `opening range ${formatPrice(range.low)} - ${formatPrice(range.high)}`;
    this.save({
      ...candidate,
      openingRangeHigh: range.high,
      openingRangeLow: range.low,
      lowOfDay,
      note,
      updatedAt: now,
    });
    this.log.info(
      { symbol, rangeHigh: formatPrice(range.high), rangeLow: formatPrice(range.low), lowOfDay: formatPrice(lowOfDay) },
      'opening range complete',
    );
    return true;
  }

  private save(candidate: Candidate): void {
    this.repository.candidates.save(candidate);
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
