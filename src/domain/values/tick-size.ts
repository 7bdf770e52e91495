/**
 * ASX equity price steps, in mills (thousandths of a dollar):
 * below $0.10 -> $0.001; $0.10 to below $2.00 -> $0.005; $2.00 and above -> $0.01.
 */
export function tickSizeMills(mills: number): number {
  if (mills < 100) return 1;
  if (mills < 2000) return 5;
  return 10;
}

export function isOnTick(mills: number): boolean {
  return Number.isSafeInteger(mills) && mills > 0 && mills % tickSizeMills(mills) === 0;
}

/** Largest valid price at or below `mills` (sell-stops round down). */
export function roundDownToTickMills(mills: number): number {
  const whole = Math.floor(mills);
  if (whole < 1) return 1;
  const tick = tickSizeMills(whole);
  return whole - (whole % tick);
}

/** Smallest valid price at or above `mills` (buy-stops round up). */
export function roundUpToTickMills(mills: number): number {
  const whole = Math.max(1, Math.ceil(mills));
  const tick = tickSizeMills(whole);
  const rest = whole % tick;
  return rest === 0 ? whole : whole + (tick - rest);
}

/** The nearest valid price (ties go up), for prices that arrive slightly off-tick from vendors. */
export function roundNearestTickMills(mills: number): number {
  const down = roundDownToTickMills(mills);
  const up = roundUpToTickMills(mills);
  return mills - down < up - mills ? down : up;
}

/** One tick above a valid price; the step is the one that applies at the price itself. */
export function nextTickUpMills(mills: number): number {
  return mills + tickSizeMills(mills);
}

/** One tick below a valid price; the step is the one that applies just below it. */
export function nextTickDownMills(mills: number): number {
  if (mills <= 1) return 1;
  return roundDownToTickMills(mills - 1);
}
