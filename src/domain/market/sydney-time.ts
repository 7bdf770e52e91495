import { InvalidValue } from '../errors/invalid-value.error.js';
import type { EpochMs, LocalDate } from '../values/time.js';

/**
 * Conversions between instants and Sydney wall-clock time. The offset (AEST or AEDT) always comes from the
 * time-zone database through Intl, never from a hard-coded number of hours.
 */

export interface SydneyParts {
  readonly date: LocalDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday ... 6 = Saturday, as `weekday()` in values/time.ts. */
  readonly weekday: number;
}

/** A wall-clock time of day parsed from "HH:MM" or "HH:MM:SS". */
export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const SYDNEY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Australia/Sydney',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const DAY_MS = 86_400_000;
const LOCAL_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function sydneyParts(at: EpochMs): SydneyParts {
  if (!Number.isFinite(at)) throw new InvalidValue('instant', at, 'not a finite number of milliseconds');
  const fields: Record<string, string> = {};
  for (const part of SYDNEY.formatToParts(at)) fields[part.type] = part.value;
  const { year = '', month = '', day = '', hour = '', minute = '', second = '', weekday = '' } = fields;
  const dayOfWeek = WEEKDAYS[weekday];
  if (dayOfWeek === undefined) throw new InvalidValue('instant', at, `unexpected weekday "${weekday}" from Intl`);
  return {
    date: `${year}-${month}-${day}` as LocalDate,
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    weekday: dayOfWeek,
  };
}

/** The Sydney calendar date an instant falls on (23:30 UTC is already the next day in Sydney). */
export function sydneyDateOf(at: EpochMs): LocalDate {
  return sydneyParts(at).date;
}

/** Parses "HH:MM" or "HH:MM:SS" (24-hour clock); throws InvalidValue for anything else. */
export function parseLocalTime(time: string): LocalTime {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new InvalidValue('local time', time, 'expected HH:MM or HH:MM:SS');
  const [, hh = '', mm = '', ss = '00'] = match;
  const value = { hour: Number(hh), minute: Number(mm), second: Number(ss) };
  if (value.hour > 23 || value.minute > 59 || value.second > 59) {
    throw new InvalidValue('local time', time, 'hour must be 00-23, minutes and seconds 00-59');
  }
  return value;
}

/** Seconds since local midnight, for comparing times of day ("is it before the entry cutoff?"). */
export function secondsOfDay(time: LocalTime): number {
  return time.hour * 3600 + time.minute * 60 + time.second;
}

/**
 * Answers already worked out. The time-zone database is slow to ask, and the same few wall-clock times (the
 * open, the close, the scan, each minute of the session) are turned into instants again and again.
 */
const LOCAL_TO_EPOCH = new Map<string, EpochMs>();
const LOCAL_TO_EPOCH_KEPT = 8_192;

/**
 * The instant at which Sydney wall clocks show `time` on `date`.
 *
 * Daylight-saving edges follow the "compatible" rule of the JavaScript Temporal proposal:
 * - skipped hour (first Sunday of October, 02:00-02:59 does not exist): the time is moved forward by the length
 *   of the gap, so 02:30 gives the instant of 03:30 AEDT;
 * - repeated hour (first Sunday of April, 02:00-02:59 happens twice): the earlier instant (still AEDT) is used.
 * Neither edge touches trading hours; the rule only has to be deterministic.
 */
export function sydneyLocalToEpoch(date: LocalDate, time: string): EpochMs {
  const key = `${date}T${time}`;
  const known = LOCAL_TO_EPOCH.get(key);
  if (known !== undefined) return known;
  const at = localToEpoch(date, time);
  if (LOCAL_TO_EPOCH.size >= LOCAL_TO_EPOCH_KEPT) {
    const oldest = LOCAL_TO_EPOCH.keys().next();
    if (oldest.done !== true) LOCAL_TO_EPOCH.delete(oldest.value);
  }
  LOCAL_TO_EPOCH.set(key, at);
  return at;
}

function localToEpoch(date: LocalDate, time: string): EpochMs {
  const { hour, minute, second } = parseLocalTime(time);
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const wallAsUtc = Date.UTC(y, m - 1, d, hour, minute, second);
  const offsetBefore = offsetAt(wallAsUtc - DAY_MS);
  const offsetAfter = offsetAt(wallAsUtc + DAY_MS);
  const valid = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset)
    .filter((candidate) => wallAsUtc - offsetAt(candidate) === candidate)
    .sort((a, b) => a - b);
  return valid[0] ?? wallAsUtc - offsetBefore;
}

/** Sydney's offset from UTC at an instant, in milliseconds, as the time-zone database says. */
function offsetAt(at: EpochMs): number {
  const whole = at - (((at % 1000) + 1000) % 1000);
  const parts = sydneyParts(whole);
  const [y = 0, m = 1, d = 1] = parts.date.split('-').map(Number);
  return Date.UTC(y, m - 1, d, parts.hour, parts.minute, parts.second) - whole;
}
