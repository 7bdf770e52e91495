import type { TapeBar, TapeMinute, MarketTape } from '../../application/replay/replay.ports.js';
import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { Announcement } from '../../domain/market/announcement.js';
import type { Bar } from '../../domain/market/bar.js';
import { continuousOpenTime } from '../../domain/market/session-schedule.js';
import { sydneyDateOf, sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { ONE_MINUTE_MS, startOfMinute } from '../../domain/strategy/price-window.js';
import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import { DailyPath } from './daily-path.js';
import type { DayPlan } from './day-plan.js';
import { SessionWalk, sessionBars, type SessionMinutes } from './intraday-path.js';
import { streamFor } from './random-draws.js';
import { SessionCache } from './session-cache.js';
import {
  resolveMarketSpec,
  type ResolvedMarketSpec,
  type SyntheticInstrument,
  type SyntheticMarketSpec,
} from './synthetic-market.spec.js';
import { VolumeProfile } from './volume-profile.js';

/** One stock's plan for a day, as the scanner and the announcement feed read it. */
export interface StockDay {
  readonly stock: SyntheticInstrument;
  readonly plan: DayPlan;
}

/**
 * A seeded, deterministic ASX market: for each instrument and trading day, one-minute bars from the
 * continuous open (staggered by code before 23 June 2025) to the close (early closes included), the daily
 * bar they add up to, the gap at the open and the announcements released before it. Everything is made
 * when it is read, one stock-day at a time; the same seed and spec always give the same market.
 */
export class SyntheticMarket implements MarketTape {
  private readonly spec: ResolvedMarketSpec;
  private readonly paths = new Map<AsxSymbol, DailyPath>();
  private readonly stocks = new Map<AsxSymbol, SyntheticInstrument>();
  private readonly sessions = new SessionCache();
  /** One profile per session length: a few lengths (staggered opens, early closes) serve every session. */
  private readonly profiles = new Map<number, VolumeProfile>();

  constructor(
    spec: SyntheticMarketSpec,
    private readonly calendar: TradingCalendar,
  ) {
    this.spec = resolveMarketSpec(spec);
    for (const stock of this.spec.instruments) {
      this.paths.set(stock.instrument.symbol, new DailyPath(this.spec, stock, calendar));
      this.stocks.set(stock.instrument.symbol, stock);
    }
  }

  get instruments(): readonly SyntheticInstrument[] {
    return this.spec.instruments;
  }

  get firstDay(): LocalDate {
    return this.spec.firstDay;
  }

  stock(symbol: AsxSymbol): SyntheticInstrument {
    const stock = this.stocks.get(symbol);
    if (stock === undefined) throw new InvalidValue('symbol', symbol, 'not in the synthetic market');
    return stock;
  }

  plan(symbol: AsxSymbol, date: LocalDate): DayPlan {
    const path = this.paths.get(symbol);
    if (path === undefined) throw new InvalidValue('symbol', symbol, 'not in the synthetic market');
    return path.plan(date);
  }

  /** Every instrument's plan for a trading day, in the spec's order. */
  day(date: LocalDate): StockDay[] {
    return this.spec.instruments.map((stock) => ({ stock, plan: this.plan(stock.instrument.symbol, date) }));
  }

  /** One stock's one-minute bars on a trading day, oldest first, made as they are read. */
  minuteBars(symbol: AsxSymbol, date: LocalDate): Generator<Bar> {
    return sessionBars(this.walk(symbol, date));
  }

  /**
   * The daily bar of a trading day: its minute bars added up, starting with the first one as the exchange does.
   * The minutes are walked without becoming bars, since only their sum is kept.
   */
  dailyBar(symbol: AsxSymbol, date: LocalDate): Bar {
    const walk = this.walk(symbol, date);
    if (!walk.step()) throw new InvalidValue('synthetic session', { symbol, date }, 'has no minutes');
    const { start, open } = walk;
    let { high, low, volume } = walk;
    while (walk.step()) {
      if (walk.high > high) high = walk.high;
      if (walk.low < low) low = walk.low;
      volume += walk.volume;
    }
    return Object.freeze({ start, open, high, low, close: walk.close, volume });
  }

  /** When a stock's session on a trading day has its one-minute bars: the first one's start and how many. */
  session(symbol: AsxSymbol, date: LocalDate): SessionMinutes {
    const openTime = continuousOpenTime(symbol, date);
    return this.sessions.get(date, openTime, () => {
      const firstBarStart = startOfMinute(sydneyLocalToEpoch(date, openTime));
      const close = this.calendar.sessionFor(date).close;
      return { firstBarStart, count: Math.max(0, Math.round((close - firstBarStart) / ONE_MINUTE_MS)) };
    });
  }

  /** Daily bars of the trading days in [from, to] (from the market's first day on), oldest first. */
  *dailyBars(symbol: AsxSymbol, from: LocalDate, to: LocalDate): Generator<Bar> {
    let day = from < this.spec.firstDay ? this.spec.firstDay : from;
    if (!this.calendar.isTradingDay(day)) day = this.calendar.nextTradingDay(day);
    for (; day <= to; day = this.calendar.nextTradingDay(day)) yield this.dailyBar(symbol, day);
  }

  /** All instruments' one-minute bars of a trading day, grouped by the minute they start in. */
  *minutes(date: LocalDate): Generator<TapeMinute> {
    if (!this.calendar.isTradingDay(date)) return;
    const close = this.calendar.sessionFor(date).close;
    const feeds = this.spec.instruments.map((stock) => {
      const bars = this.minuteBars(stock.instrument.symbol, date);
      return { instrument: stock.instrument, bars, next: bars.next() };
    });
    const first = Math.min(...feeds.map((feed) => (feed.next.done === true ? close : feed.next.value.start)));
    for (let start = first; start < close; start += ONE_MINUTE_MS) {
      const bars: TapeBar[] = [];
      for (const feed of feeds) {
        if (feed.next.done === true || feed.next.value.start !== start) continue;
        bars.push({ instrument: feed.instrument, bar: feed.next.value });
        feed.next = feed.bars.next();
      }
      if (bars.length > 0) yield { start, bars };
    }
  }

  /** Announcements released in [from, to) by any instrument, oldest first. */
  announcements(from: EpochMs, to: EpochMs): Announcement[] {
    if (to <= from) return [];
    const found: Announcement[] = [];
    // An evening release belongs to the next session's plan, which may be after a weekend.
    const last = this.calendar.nextTradingDay(sydneyDateOf(to));
    for (let day = this.firstTradingDayFrom(sydneyDateOf(from)); day <= last; day = this.calendar.nextTradingDay(day)) {
      for (const { plan } of this.day(day)) {
        found.push(...plan.announcements.filter((news) => news.releasedAt >= from && news.releasedAt < to));
      }
    }
    return found.sort((a, b) => a.releasedAt - b.releasedAt);
  }

  private firstTradingDayFrom(date: LocalDate): LocalDate {
    const day = date < this.spec.firstDay ? this.spec.firstDay : date;
    return this.calendar.isTradingDay(day) ? day : this.calendar.nextTradingDay(day);
  }

  private walk(symbol: AsxSymbol, date: LocalDate): SessionWalk {
    const plan = this.plan(symbol, date);
    const draws = streamFor(this.spec.seed, 'minutes', symbol, date);
    const session = this.session(symbol, date);
    return new SessionWalk(plan, this.stock(symbol), session, draws, this.profile(session.count));
  }

  private profile(minutes: number): VolumeProfile {
    let profile = this.profiles.get(minutes);
    if (profile === undefined) {
      profile = new VolumeProfile(minutes);
      this.profiles.set(minutes, profile);
    }
    return profile;
  }
}
