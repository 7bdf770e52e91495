import type { Bar } from '../../../domain/market/bar.js';
import type { EpochMs } from '../../../domain/values/time.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const PERIOD_UNITS: Readonly<Record<string, number>> = {
  min: MINUTE_MS,
  h: 60 * MINUTE_MS,
  d: DAY_MS,
  w: 7 * DAY_MS,
  m: 30 * DAY_MS,
  y: 365 * DAY_MS,
};

/** A bar size the simulator serves: minute multiples built from 1-minute bars, or the daily bar. */
export type HistoryBarSize = { readonly kind: 'minutes'; readonly minutes: number } | { readonly kind: 'daily' };

/** "1d", "2w", "30min", "1y" → milliseconds; undefined when not in that form. */
export function periodMs(period: string): number | undefined {
  const match = /^(\d+)(min|h|d|w|m|y)$/.exec(period.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const count = Number(match[1]);
  const unit = PERIOD_UNITS[match[2]];
  return count > 0 && unit !== undefined ? count * unit : undefined;
}

/** "1min", "5min", "1h", "1d" → a size; weeks, months and multi-day bars are not served. */
export function historyBarSize(bar: string): HistoryBarSize | undefined {
  const match = /^(\d+)(min|h|d)$/.exec(bar.trim());
  if (match?.[1] === undefined) return undefined;
  const count = Number(match[1]);
  if (count <= 0) return undefined;
  if (match[2] === 'd') return count === 1 ? { kind: 'daily' } : undefined;
  const minutes = match[2] === 'h' ? count * 60 : count;
  return minutes <= 24 * 60 ? { kind: 'minutes', minutes } : undefined;
}

export function barLengthSeconds(size: HistoryBarSize): number {
  return size.kind === 'daily' ? DAY_MS / 1000 : size.minutes * 60;
}

/**
 * Bars of `size` that start in [end - period, end) and had completed by `now`. Minute multiples are
 * aggregated from 1-minute bars in buckets aligned to the epoch. The period counts calendar time, not
 * trading sessions as the real gateway does: ask for a span that covers the sessions wanted.
 */
export function barsInWindow(
  minuteBars: readonly Bar[],
  dailyBars: readonly Bar[],
  size: HistoryBarSize,
  window: { readonly start: EpochMs; readonly end: EpochMs; readonly now: EpochMs },
): Bar[] {
  const inWindow = (bar: Bar): boolean => bar.start >= window.start && bar.start < window.end;
  if (size.kind === 'daily') return [...dailyBars].filter(inWindow).sort((a, b) => a.start - b.start);
  const bucketMs = size.minutes * MINUTE_MS;
  return aggregate(minuteBars, bucketMs).filter((bar) => inWindow(bar) && bar.start + bucketMs <= window.now);
}

function aggregate(minuteBars: readonly Bar[], bucketMs: number): Bar[] {
  const sorted = [...minuteBars].sort((a, b) => a.start - b.start);
  if (bucketMs === MINUTE_MS) return sorted;
  const buckets = new Map<EpochMs, Bar>();
  for (const bar of sorted) {
    const start = Math.floor(bar.start / bucketMs) * bucketMs;
    const open = buckets.get(start);
    buckets.set(
      start,
      open === undefined
        ? { ...bar, start }
        : {
            start,
            open: open.open,
            high: bar.high > open.high ? bar.high : open.high,
            low: bar.low < open.low ? bar.low : open.low,
            close: bar.close,
            volume: open.volume + bar.volume,
          },
    );
  }
  return [...buckets.values()];
}
