import { InvalidValue } from '../errors/invalid-value.error.js';

/** An instant as milliseconds since the Unix epoch (UTC). */
export type EpochMs = number;

/** A calendar date in exchange-local (Australia/Sydney) terms, "YYYY-MM-DD". */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function localDate(text: string): LocalDate {
  const match = ISO_DATE.exec(text);
  if (!match) throw new InvalidValue('date', text, 'expected YYYY-MM-DD');
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new InvalidValue('date', text, 'no such day');
  }
  return text as LocalDate;
}

/** Day of week of a local date, 0 = Sunday ... 6 = Saturday. */
export function weekday(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10) as LocalDate;
}
