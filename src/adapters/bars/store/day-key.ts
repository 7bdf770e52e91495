import { sydneyDateOf } from '../../../domain/market/sydney-time.js';
import { localDate, type EpochMs, type LocalDate } from '../../../domain/values/time.js';

/**
 * A Sydney trading date packed as the integer yyyymmdd (20240301), the form the bar files store in their day
 * tables: it sorts like the date and fits an Int32.
 */
export type DayKey = number;

const HOUR_MS = 3_600_000;
const CACHE_LIMIT = 200_000;
/**
 * Sydney's offset from UTC is always a whole number of hours, so every instant inside one UTC hour falls on
 * the same Sydney date. Caching per UTC hour spares an Intl call per minute bar.
 */
const dateByUtcHour = new Map<number, DayKey>();

export function dayKeyOf(date: LocalDate): DayKey {
  return Number(date.replaceAll('-', ''));
}

export function dateOfKey(key: DayKey): LocalDate {
  const text = String(key).padStart(8, '0');
  return localDate(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`);
}

/** The Sydney date an instant falls on, as a DayKey. */
export function sydneyDayKey(at: EpochMs): DayKey {
  const hour = Math.floor(at / HOUR_MS);
  const cached = dateByUtcHour.get(hour);
  if (cached !== undefined) return cached;
  if (dateByUtcHour.size >= CACHE_LIMIT) dateByUtcHour.clear();
  const key = dayKeyOf(sydneyDateOf(at));
  dateByUtcHour.set(hour, key);
  return key;
}
