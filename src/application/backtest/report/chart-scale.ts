/** A linear map from data values to pixel positions. */
export interface LinearScale {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  at(value: number): number;
}

/**
 * A y scale from `low` to `high` widened to round tick values (steps of 1, 2 or 5 times a power of ten), so
 * axis labels read well. Pixels run from `bottom` (low) up to `top` (high).
 */
export function niceScale(low: number, high: number, bottom: number, top: number, tickCount = 5): LinearScale {
  const spread = high - low;
  const padded = spread === 0 ? Math.max(Math.abs(high) * 0.01, 1) : 0;
  const step = niceStep((spread + 2 * padded) / Math.max(1, tickCount - 1));
  const min = Math.floor((low - padded) / step) * step;
  const max = Math.ceil((high + padded) / step) * step;
  const ticks: number[] = [];
  for (let value = min; value <= max + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  return { min, max, ticks, at: (value) => bottom - ((value - min) / (max - min)) * (bottom - top) };
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Up to `count` indices spread evenly over 0..n-1, first and last included. */
export function spreadIndices(n: number, count: number): number[] {
  if (n <= 0) return [];
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  const steps = count - 1;
  return [...new Set(Array.from({ length: count }, (_, k) => Math.round((k * (n - 1)) / steps)))];
}
