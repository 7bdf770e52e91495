import type { Bar } from '../../domain/market/bar.js';
import { ONE_MINUTE_MS } from '../../domain/strategy/price-window.js';
import { priceNearest, type Price } from '../../domain/values/price.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { DayPlan } from './day-plan.js';
import type { RandomDraws } from './random-draws.js';
import type { SyntheticInstrument } from './synthetic-market.spec.js';
import type { VolumeProfile } from './volume-profile.js';

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
 * Walks a session's one-minute bars one at a time: a random walk in log price tied to the plan's open, its
 * close and the turning points of its path (a Brownian bridge between anchors), so that a breakout day runs
 * above its opening range and a fade day falls through it. Prices are rounded to valid ticks and each bar
 * opens where the previous one closed.
 *
 * The current bar lives in the walk's own fields and `step()` overwrites it: adding up a quiet stock's day
 * (thousands of them per simulated day) then makes no object per minute. `bar()` copies it out when a bar
 * must outlive the step.
 */
export class SessionWalk {
  /** The current bar, once `step()` has returned true. */
  start: EpochMs = 0;
  open = 0 as Price;
  high = 0 as Price;
  low = 0 as Price;
  close = 0 as Price;
  volume = 0;

  private readonly count: number;
  private readonly sigma: number;
  private readonly dailyVolume: number;
  private readonly anchors: readonly Anchor[];
  private readonly lastAnchor: Anchor;
  private minute = 0;
  private target = 1;
  private logPrice: number;
  /** exp(logPrice): the previous bar's unrounded close, which is this bar's unrounded open. */
  private level: number;

  constructor(
    plan: DayPlan,
    stock: SyntheticInstrument,
    private readonly session: SessionMinutes,
    private readonly draws: RandomDraws,
    private readonly volumes: VolumeProfile,
  ) {
    this.count = session.count;
    this.sigma = (stock.dailyVolatility * plan.volatilityFactor) / Math.sqrt(FULL_SESSION_MINUTES);
    this.lastAnchor = { minute: this.count, logPrice: Math.log(plan.close) };
    this.anchors = this.count < 1 ? [] : anchorsOf(plan, this.count, draws);
    this.dailyVolume = stock.dailyVolume * plan.volumeFactor;
    this.logPrice = Math.log(plan.open);
    this.level = Math.exp(this.logPrice);
    this.close = priceNearest(this.level);
  }

  /** Moves to the next bar; false once the session is over. */
  step(): boolean {
    const { minute, count, draws, sigma } = this;
    if (minute >= count) return false;
    while ((this.anchors[this.target]?.minute ?? count) <= minute) this.target += 1;
    const next = this.anchors[this.target] ?? this.lastAnchor;
    const stepsLeft = next.minute - minute;
    const nextLogPrice =
      stepsLeft <= 1
        ? next.logPrice
        : this.logPrice +
          (next.logPrice - this.logPrice) / stepsLeft +
          sigma * Math.sqrt((stepsLeft - 1) / stepsLeft) * draws.normal();
    this.volume = Math.max(
      1,
      Math.round(this.dailyVolume * this.volumes.weight(minute) * draws.logNormal(VOLUME_NOISE)),
    );
    this.start = this.session.firstBarStart + minute * ONE_MINUTE_MS;
    const from = this.level;
    const to = Math.exp(nextLogPrice);
    const open = this.close;
    const close = priceNearest(to);
    const high = priceNearest(Math.max(from, to) * Math.exp(Math.abs(draws.normal()) * sigma * WICK));
    const low = priceNearest(Math.min(from, to) * Math.exp(-Math.abs(draws.normal()) * sigma * WICK));
    this.open = open;
    this.close = close;
    this.high = high > open ? (high > close ? high : close) : open > close ? open : close;
    this.low = low < open ? (low < close ? low : close) : open < close ? open : close;
    this.logPrice = nextLogPrice;
    this.level = to;
    this.minute = minute + 1;
    return true;
  }

  /** The current bar as a value of its own. */
  bar(): Bar {
    const { start, open, high, low, close, volume } = this;
    return Object.freeze({ start, open, high, low, close, volume });
  }
}

/** A session's bars as values, made as they are read. */
export function* sessionBars(walk: SessionWalk): Generator<Bar> {
  while (walk.step()) yield walk.bar();
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
