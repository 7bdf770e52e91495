import type { TapeBar, TapeMinute, MarketTape } from '../../application/replay/replay.ports.js';
import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { Announcement } from '../../domain/market/announcement.js';
import type { Bar } from '../../domain/market/bar.js';
import { continuousOpenAt } from '../../domain/market/session-schedule.js';
import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { ONE_MINUTE_MS, startOfMinute } from '../../domain/strategy/price-window.js';
import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import { DailyPath } from './daily-path.js';
import type { DayPlan } from './day-plan.js';
import { sessionBars, type SessionMinutes } from './intraday-path.js';
import { streamFor } from './random-draws.js';
import {
  resolveMarketSpec,
  type ResolvedMarketSpec,
  type SyntheticInstrument,
  type SyntheticMarketSpec,
} from './synthetic-market.spec.js';

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

  constructor(
    spec: SyntheticMarketSpec,
    private readonly calendar: TradingCalendar,
  ) {
    this.spec = resolveMarketSpec(spec);
    for (const stock of this.spec.instruments) {
      this.paths.set(stock.instrument.symbol, new DailyPath(this.spec, stock, calendar));
    }
  }

  get instruments(): readonly SyntheticInstrument[] {
    return this.spec.instruments;
  }

  get firstDay(): LocalDate {
    return this.spec.firstDay;
  }

  stock(symbol: AsxSymbol): SyntheticInstrument {
    const stock = this.spec.instruments.find((candidate) => candidate.instrument.symbol === symbol);
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
  *minuteBars(symbol: AsxSymbol, date: LocalDate): Generator<Bar> {
    const plan = this.plan(symbol, date);
    const draws = streamFor(this.spec.seed, 'minutes', symbol, date);
    yield* sessionBars(plan, this.stock(symbol), this.sessionMinutes(symbol, date), draws);
  }

  /** The daily bar of a trading day: its minute bars added up, starting with the first one as the exchange does. */
  dailyBar(symbol: AsxSymbol, date: LocalDate): Bar {
    let daily: Bar | undefined;
    for (const bar of this.minuteBars(symbol, date)) {
      daily =
        daily === undefined
          ? bar
          : {
              start: daily.start,
              open: daily.open,
              high: bar.high > daily.high ? bar.high : daily.high,
              low: bar.low < daily.low ? bar.low : daily.low,
              close: bar.close,
              volume: daily.volume + bar.volume,
            };
    }
    if (daily === undefined) throw new InvalidValue('synthetic session', { symbol, date }, 'has no minutes');
    return Object.freeze(daily);
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

  private sessionMinutes(symbol: AsxSymbol, date: LocalDate): SessionMinutes {
    const firstBarStart = startOfMinute(continuousOpenAt(symbol, date));
    const close = this.calendar.sessionFor(date).close;
    return { firstBarStart, count: Math.max(0, Math.round((close - firstBarStart) / ONE_MINUTE_MS)) };
  }
}
