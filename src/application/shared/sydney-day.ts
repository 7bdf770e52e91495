import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import { addDays, type EpochMs, type LocalDate } from '../../domain/values/time.js';

/** The instants a Sydney calendar day spans: [from, to). */
export interface DayBounds {
  readonly from: EpochMs;
  readonly to: EpochMs;
}

export function sydneyDayBounds(date: LocalDate): DayBounds {
  return { from: sydneyLocalToEpoch(date, '00:00'), to: sydneyLocalToEpoch(addDays(date, 1), '00:00') };
}

export function isWithin(at: EpochMs, bounds: DayBounds): boolean {
  return at >= bounds.from && at < bounds.to;
}
