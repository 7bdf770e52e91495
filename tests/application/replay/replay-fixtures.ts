import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import { SimulatedExchange } from '../../../src/adapters/simulated/simulated-exchange.js';
import { SimulatedBroker } from '../../../src/adapters/simulated/simulated.broker.js';
import type { MarketTape, ReplayVenue, TapeMinute } from '../../../src/application/replay/replay.ports.js';
import { IBKR_ASX_FIXED } from '../../../src/domain/costs/commission.js';
import type { Bar } from '../../../src/domain/market/bar.js';
import { sydneyDateOf, sydneyLocalToEpoch } from '../../../src/domain/market/sydney-time.js';
import { instrument, type Instrument } from '../../../src/domain/values/instrument.js';
import { dollars } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { localDate, type EpochMs, type LocalDate } from '../../../src/domain/values/time.js';

export const DAY = localDate('2025-07-15');
export const GAPR = instrument('GAPR', 9_001);

export const at = (time: string, day: LocalDate = DAY): EpochMs => sydneyLocalToEpoch(day, time);

/** A bar at Sydney `time` on DAY whose prices all equal `price`. */
export function flat(time: string, price: string): Bar {
  const p = parsePrice(price);
  return { start: at(time), open: p, high: p, low: p, close: p, volume: 10_000 };
}

/** A tape made of a fixed list of bars of one instrument. */
export class ListTape implements MarketTape {
  constructor(
    private readonly instrument: Instrument,
    private readonly bars: readonly Bar[],
  ) {}

  *minutes(date: LocalDate): Generator<TapeMinute> {
    for (const bar of this.bars) {
      if (sydneyDateOf(bar.start) === date) yield { start: bar.start, bars: [{ instrument: this.instrument, bar }] };
    }
  }
}

/** A venue that forwards to the exchange and remembers the order of what it was told. */
export class RecordingVenue implements ReplayVenue {
  readonly calls: string[] = [];

  constructor(private readonly exchange: SimulatedExchange) {}

  publishBar(listed: Instrument, bar: Bar): void {
    this.calls.push(`bar ${bar.start}`);
    this.exchange.publishBar(listed, bar);
  }

  endOfDay(when: EpochMs): void {
    this.calls.push(`end ${when}`);
    this.exchange.endOfDay(when);
  }
}

export function simulatedMarket(start: EpochMs) {
  const clock = new ManualClock(start);
  const exchange = new SimulatedExchange({
    seed: 3,
    commission: IBKR_ASX_FIXED,
    maxVolumeParticipation: 1,
    slippageBps: 0,
    startingCash: dollars(100_000),
    accountId: 'DU0000001',
    instruments: [GAPR],
  });
  return { clock, exchange, broker: new SimulatedBroker(exchange, clock), venue: new RecordingVenue(exchange) };
}
