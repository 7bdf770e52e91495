import { newCandidate, type Candidate } from '../../../../src/domain/candidate/candidate.js';
import type { Bar } from '../../../../src/domain/market/bar.js';
import { sydneyLocalToEpoch } from '../../../../src/domain/market/sydney-time.js';
import { deriveClientOrderId } from '../../../../src/domain/orders/client-order-id.js';
import type { Instrument } from '../../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../../src/domain/values/price.js';
import { quantity } from '../../../../src/domain/values/quantity.js';
import { localDate, type EpochMs, type LocalDate } from '../../../../src/domain/values/time.js';
import type { TradingWorld } from './trading-world.js';

export const MINUTE = 60_000;

/** The instant Sydney clocks show `time` on `date`: `at('2025-07-15', '10:05')`. */
export function at(date: string, time: string): EpochMs {
  return sydneyLocalToEpoch(localDate(date), time);
}

/** A one-minute bar from decimal prices, starting at Sydney `time` on `date`. */
export function minuteBar(
  date: string,
  time: string,
  [open, high, low, close]: readonly [string, string, string, string],
  volume = 100_000,
): Bar {
  return {
    start: at(date, time),
    open: parsePrice(open),
    high: parsePrice(high),
    low: parsePrice(low),
    close: parsePrice(close),
    volume,
  };
}

/** A flat bar: every price the same. */
export function flatBar(date: string, time: string, price: string, volume = 100_000): Bar {
  return minuteBar(date, time, [price, price, price, price], volume);
}

/**
 * Daily closes for the trading days before `date`, oldest first, each traded as one daily bar and closed
 * at 16:00, so that the exchange knows the previous close and the daily history.
 */
export function seedDailyCloses(
  world: TradingWorld,
  instrument: Instrument,
  date: string,
  closes: readonly string[],
): void {
  const days: LocalDate[] = [];
  let day = localDate(date);
  for (let i = 0; i < closes.length; i++) {
    day = world.calendar.previousTradingDay(day);
    days.unshift(day);
  }
  days.forEach((tradingDay, i) => {
    const close = closes[i] ?? '1.00';
    world.exchange.publishBar(instrument, flatBar(tradingDay, '10:00', close, 1_000_000), '1d');
    world.exchange.endOfDay(at(tradingDay, '16:00'));
  });
}

export interface CandidateSpec {
  readonly gapPct?: number;
  readonly announced?: boolean;
}

/** A watching candidate for `date`, announced the evening before unless told otherwise. */
export function watch(world: TradingWorld, instrument: Instrument, date: string, spec: CandidateSpec = {}): Candidate {
  const tradingDate = localDate(date);
  const announced = spec.announced ?? true;
  const candidate = newCandidate(
    {
      symbol: instrument.symbol,
      tradingDate,
      gapPct: spec.gapPct ?? 5,
      ...(announced ? { headline: 'Quarterly activities report', announcementAt: at(date, '08:30') } : {}),
    },
    at(date, '09:45'),
  );
  world.repository.candidates.save(candidate);
  return candidate;
}

/**
 * Moves the clock minute by minute to `until`. Each bar is published to the exchange as it completes
 * (a minute after it starts), before the clock shows that minute; between minutes the code under test
 * runs until it sleeps again.
 */
export class MarketReplay {
  private readonly queue: { readonly instrument: Instrument; readonly bar: Bar }[] = [];

  constructor(private readonly world: TradingWorld) {}

  add(instrument: Instrument, bars: readonly Bar[]): this {
    for (const bar of bars) this.queue.push({ instrument, bar });
    this.queue.sort((a, b) => a.bar.start - b.bar.start);
    return this;
  }

  async runUntil(until: EpochMs): Promise<void> {
    const { clock, exchange } = this.world;
    while (clock.now() < until) {
      const next = Math.min(Math.floor(clock.now() / MINUTE) * MINUTE + MINUTE, until);
      while (this.queue[0] !== undefined && this.queue[0].bar.start + MINUTE <= next) {
        const due = this.queue.shift();
        if (due !== undefined) exchange.publishBar(due.instrument, due.bar);
      }
      clock.set(next);
      await settle();
    }
  }
}

/** Lets every promise chain that can move on do so. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface HoldingSpec {
  readonly date: string;
  readonly shares: number;
  readonly price: string;
  readonly stop: string;
  /** Volume of the bar the entry trades on; less than the shares bought leaves the entry partly filled. */
  readonly volume?: number;
}

/**
 * An open position bought through the exchange at 10:30 on `date` under Skim's entry id, its stop taken
 * from the candidate's low of day; a management check at 10:31 books it and places the protective stop.
 */
export async function holdPosition(world: TradingWorld, instrument: Instrument, spec: HoldingSpec): Promise<void> {
  const { date } = spec;
  const candidate = watch(world, instrument, date);
  world.repository.candidates.save({ ...candidate, status: 'entered', lowOfDay: parsePrice(spec.stop) });
  world.clock.set(at(date, '10:30'));
  world.exchange.publishQuote(instrument, { at: world.clock.now(), last: parsePrice(spec.price) });
  await world.submitter.submit({
    clientOrderId: deriveClientOrderId(localDate(date), instrument.symbol, 'entry'),
    instrument,
    side: 'BUY',
    type: 'MKT',
    quantity: quantity(spec.shares),
    tif: 'DAY',
    purpose: 'entry',
  });
  world.exchange.publishBar(instrument, flatBar(date, '10:30', spec.price, spec.volume));
  world.clock.set(at(date, '10:31'));
  await world.manage.run();
}

/** The opening range every standard gapper makes: previous close 1.000, open 1.050, range 1.040 - 1.100. */
export function gapperRange(date: string): Bar[] {
  return [
    minuteBar(date, '10:00', ['1.050', '1.080', '1.040', '1.070']),
    minuteBar(date, '10:01', ['1.070', '1.090', '1.060', '1.085']),
    minuteBar(date, '10:02', ['1.085', '1.100', '1.075', '1.090']),
    minuteBar(date, '10:03', ['1.090', '1.095', '1.070', '1.080']),
    minuteBar(date, '10:04', ['1.080', '1.095', '1.075', '1.090']),
  ];
}

/**
 * Announced gappers whose opening range has just completed at 10:05 on `date` and been tracked:
 * each candidate is triggered with ORH 1.100 and ORL 1.040, ready for the entry check.
 */
export async function gappersReadyToEnter(
  world: TradingWorld,
  instruments: readonly Instrument[],
  date: string,
  range: (date: string) => Bar[] = gapperRange,
): Promise<void> {
  for (const instrument of instruments) {
    seedDailyCloses(world, instrument, date, ['0.990', '1.000']);
    watch(world, instrument, date);
  }
  for (const instrument of instruments) {
    for (const bar of range(date)) world.exchange.publishBar(instrument, bar);
  }
  world.clock.set(at(date, '10:05'));
  await world.track.run();
}

/**
 * One quiet session for the position checks: a check at 10:00, one bar at `price` from 10:00, a check at
 * 10:01 (which books what traded on the bar), then the close.
 */
export async function checkedSession(
  world: TradingWorld,
  instrument: Instrument,
  date: string,
  price: string,
): Promise<void> {
  world.clock.set(at(date, '10:00'));
  await world.manage.run();
  world.exchange.publishBar(instrument, flatBar(date, '10:00', price));
  world.clock.set(at(date, '10:01'));
  await world.manage.run();
  world.exchange.endOfDay(at(date, '16:00'));
}
