import { formatMills } from '../../../domain/values/decimal.js';
import type { Money } from '../../../domain/values/money.js';

/** Text shown for a figure that does not exist (a ratio with a zero denominator, an open trade's exit). */
export const NONE = '—';

/** "$12,345.67", "-$1,000.00"; exact, from mills (a third decimal only when the amount has one). */
export function formatDollars(amount: Money): string {
  const text = formatMills(Math.abs(amount), 2);
  const [whole = '0', fraction = ''] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}$${grouped}.${fraction}`;
}

export function formatOptionalDollars(amount: Money | null): string {
  return amount === null ? NONE : formatDollars(amount);
}

/** 0.1234 -> "12.34 %". */
export function formatPercent(fraction: number | null, decimals = 2): string {
  if (fraction === null) return NONE;
  const text = (fraction * 100).toFixed(decimals);
  // A value that rounds to zero shows as 0.00 %, never -0.00 %.
  return `${Number(text) === 0 ? text.replace('-', '') : text} %`;
}

export function formatRatio(value: number | null): string {
  return value === null ? NONE : value.toFixed(2);
}

/** An average price in mills (it may lie between ticks) as dollars to the mill. */
export function formatAveragePrice(mills: number | null): string {
  return mills === null ? NONE : `$${formatMills(Math.round(mills), 2)}`;
}

/** The CSS class that colours a figure by its sign. */
export function signClass(value: number | null): string {
  if (value === null) return 'none';
  if (value > 0) return 'pos';
  if (value < 0) return 'neg';
  return 'flat';
}
