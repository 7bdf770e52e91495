import type { AsxSymbol } from '../values/instrument.js';
import type { EpochMs, LocalDate } from '../values/time.js';
import { sydneyLocalToEpoch } from './sydney-time.js';

/** ASX Service Release 15: from this trading date every stock opens for continuous trading together. */
export const SINGLE_OPEN_FROM = '2025-06-23' as LocalDate;
export const SINGLE_OPEN_TIME = '10:00:00';

/** Before SINGLE_OPEN_FROM the open was staggered by the first character of the code (each time ±15 s). */
const STAGGERED_GROUPS: readonly { readonly last: string; readonly time: string }[] = [
  { last: 'B', time: '10:00:00' },
  { last: 'F', time: '10:02:15' },
  { last: 'M', time: '10:04:30' },
  { last: 'R', time: '10:06:45' },
  { last: 'Z', time: '10:09:00' },
];

/** Sydney local time ("HH:MM:SS") at which continuous trading starts for `symbol` on `date`. */
export function continuousOpenTime(symbol: AsxSymbol, date: LocalDate): string {
  if (date >= SINGLE_OPEN_FROM) return SINGLE_OPEN_TIME;
  const first = symbol.charAt(0);
  // Digits sort before letters, so codes such as 1AE fall in the first group with A and B.
  const group = STAGGERED_GROUPS.find((candidate) => first <= candidate.last);
  return group?.time ?? SINGLE_OPEN_TIME;
}

/** The instant continuous trading starts for `symbol` on `date`. */
export function continuousOpenAt(symbol: AsxSymbol, date: LocalDate): EpochMs {
  return sydneyLocalToEpoch(date, continuousOpenTime(symbol, date));
}
