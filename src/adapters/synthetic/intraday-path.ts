import type { Bar } from '../../domain/market/bar.js';
import { ONE_MINUTE_MS } from '../../domain/strategy/price-window.js';
import { priceNearest, type Price } from '../../domain/values/price.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { DayPlan } from './day-plan.js';
import type { RandomDraws } from './random-draws.js';
import type { SyntheticInstrument } from './synthetic-market.spec.js';
import { VolumeProfile } from './volume-profile.js';

/** The one-minute bars of one session: the first starts at `firstBarStart`, `count` follow one a minute. */
export interface SessionMinutes {
  readonly firstBarStart: EpochMs;
  readonly count: number;
}

/** A point the price path passes through: minute index (0 = the open) and log price. */
interface Anchor {
  readonly minute: number;
  readonly logPrice: number;
}

/** Minutes in a full ASX session; the per-minute volatility is set so that such a day has the daily one. */
const FULL_SESSION_MINUTES = 360;
/** How far a bar's high and low reach past its open and close, in minute volatilities. */
const WICK = 0.7;
/** Spread of one minute's volume around the profile. */
const VOLUME_NOISE = 0.35;

/**
 * Generates a session's one-minute bars one at a time: a random walk in log price tied to the plan's open,
 * its close and the turning points of its path (a Brownian bridge between anchors), so that a breakout day
 * runs above its opening range and a fade day falls through it. Prices are rounded to valid ticks and
 * each bar opens where the previous one closed.
 */
export function* sessionBars(
  plan: DayPlan,
  stock: SyntheticInstrument,
  session: SessionMinutes,
  draws: RandomDraws,
): Generator<Bar> {
  const count = session.count;
  if (count < 1) return;
  const sigma = (stock.dailyVolatility * plan.volatilityFactor) / Math.sqrt(FULL_SESSION_MINUTES);
  const anchors = anchorsOf(plan, count, draws);
  const volumes = new VolumeProfile(count);
  const dailyVolume = stock.dailyVolume * plan.volumeFactor;
  let logPrice = Math.log(plan.open);
  let target = 1;
  for (let minute = 0; minute < count; minute++) {
    while ((anchors[target]?.minute ?? count) <= minute) target += 1;
    const next = anchors[target] ?? { minute: count, logPrice: Math.log(plan.close) };
    const stepsLeft = next.minute - minute;
    const nextLogPrice =
      stepsLeft <= 1
        ? next.logPrice
        : logPrice +
          (next.logPrice - logPrice) / stepsLeft +
          sigma * Math.sqrt((stepsLeft - 1) / stepsLeft) * draws.normal();
    const volume = Math.max(1, Math.round(dailyVolume * volumes.weight(minute) * draws.logNormal(VOLUME_NOISE)));
    const start = session.firstBarStart + minute * ONE_MINUTE_MS;
    yield bar(start, Math.exp(logPrice), Math.exp(nextLogPrice), volume, sigma, draws);
    logPrice = nextLogPrice;
  }
}

/** The open, the turning points of the plan's path, and the close, at strictly increasing minutes. */
function anchorsOf(plan: DayPlan, count: number, draws: RandomDraws): Anchor[] {
  const at = (minute: number, price: number): Anchor => ({ minute, logPrice: Math.log(price) });
  const turns: Anchor[] = [];
  if (plan.path === 'breakout') {
    turns.push(at(9 + Math.floor(draws.uniform(0, 6)), plan.open * (1 + draws.uniform(0.025, 0.045))));
  } else if (plan.path === 'fade') {
    const peak = 8 + Math.floor(draws.uniform(0, 8));
    turns.push(at(peak, plan.open * (1 + draws.uniform(0.02, 0.035))));
    turns.push(at(peak + 40 + Math.floor(draws.uniform(0, 60)), plan.close * (1 + draws.uniform(0, 0.01))));
  }
  const inside = turns.filter((turn, i) => turn.minute < count && turn.minute > (turns[i - 1]?.minute ?? 0));
  return [at(0, plan.open), ...inside, at(count, plan.close)];
}

/** A bar moving from `from` to `to`, with wicks of random length on both sides. */
function bar(start: EpochMs, from: number, to: number, volume: number, sigma: number, draws: RandomDraws): Bar {
  const open = priceNearest(from);
  const close = priceNearest(to);
  const high = maxPrice(
    priceNearest(Math.max(from, to) * Math.exp(Math.abs(draws.normal()) * sigma * WICK)),
    open,
    close,
  );
  const low = minPrice(
    priceNearest(Math.min(from, to) * Math.exp(-Math.abs(draws.normal()) * sigma * WICK)),
    open,
    close,
  );
  return Object.freeze({ start, open, high, low, close, volume });
}

const maxPrice = (...prices: Price[]): Price => prices.reduce((a, b) => (b > a ? b : a));
const minPrice = (...prices: Price[]): Price => prices.reduce((a, b) => (b < a ? b : a));
