import { InvalidValue } from '../errors/invalid-value.error.js';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string into an integer count of 1/1000 units without passing through a binary float,
 * so "45.205" is exactly 45205. More than three decimals must be zeros unless `round` allows rounding half up.
 */
export function parseMills(kind: string, text: string, round = false): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new InvalidValue(kind, text, 'not a decimal number');
  const [, sign, whole = '0', fraction = ''] = match;
  const kept = (fraction + '000').slice(0, 3);
  const dropped = fraction.slice(3);
  let mills = Number(whole) * 1000 + Number(kept);
  if (dropped !== '' && /[1-9]/.test(dropped)) {
    if (!round) throw new InvalidValue(kind, text, 'more precision than 0.001');
    if (Number(dropped[0]) >= 5) mills += 1;
  }
  if (!Number.isSafeInteger(mills)) throw new InvalidValue(kind, text, 'out of range');
  return sign === '-' ? -mills : mills;
}

/** Converts a JS number (from JSON) to mills, rounding half away from zero at the fourth decimal. */
export function numberToMills(kind: string, value: number): number {
  if (!Number.isFinite(value)) throw new InvalidValue(kind, value, 'not a finite number');
  const mills = Math.round(Math.abs(value) * 1000 + 1e-7) * Math.sign(value);
  if (!Number.isSafeInteger(mills)) throw new InvalidValue(kind, value, 'out of range');
  return mills === 0 ? 0 : mills;
}

/** Formats mills as a decimal string with at least `minDecimals` (2 or 3) decimals. */
export function formatMills(mills: number, minDecimals = 2): string {
  const sign = mills < 0 ? '-' : '';
  const abs = Math.abs(mills);
  const whole = Math.floor(abs / 1000);
  let fraction = String(abs % 1000).padStart(3, '0');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${sign}${whole}.${fraction}`;
}
