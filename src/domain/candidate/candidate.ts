import { IllegalTransition } from '../errors/illegal-transition.error.js';
import type { AsxSymbol } from '../values/instrument.js';
import type { Price } from '../values/price.js';
import type { EpochMs, LocalDate } from '../values/time.js';

export type CandidateStatus = 'watching' | 'triggered' | 'entered' | 'expired' | 'rejected';

const ALLOWED: Readonly<Record<CandidateStatus, readonly CandidateStatus[]>> = {
  watching: ['triggered', 'expired', 'rejected'],
  triggered: ['entered', 'expired', 'rejected'],
  entered: [],
  expired: [],
  rejected: [],
};

/** A stock Skim watches on one trading day, from the pre-open scan until it is entered or dropped. */
export interface Candidate {
  readonly id: string;
  readonly symbol: AsxSymbol;
  readonly tradingDate: LocalDate;
  readonly status: CandidateStatus;
  /** Gap % measured by the scan (pre-open indication or official open). */
  readonly gapPct: number;
  readonly headline?: string;
  readonly announcementAt?: EpochMs;
  readonly openingRangeHigh?: Price;
  readonly openingRangeLow?: Price;
  readonly lowOfDay?: Price;
  /** Why it last changed status, in words a user reads in `skim status`. */
  readonly note?: string;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
}

export function candidateId(tradingDate: LocalDate, symbol: AsxSymbol): string {
  return `${tradingDate}:${symbol}`;
}

export function newCandidate(
  fields: Omit<Candidate, 'id' | 'status' | 'createdAt' | 'updatedAt'>,
  at: EpochMs,
): Candidate {
  return {
    ...fields,
    id: candidateId(fields.tradingDate, fields.symbol),
    status: 'watching',
    createdAt: at,
    updatedAt: at,
  };
}

export function canMoveCandidate(from: CandidateStatus, to: CandidateStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Moves a candidate along its lifecycle, or throws IllegalTransition. */
export function moveCandidate(
  candidate: Candidate,
  to: CandidateStatus,
  at: EpochMs,
  changes: Partial<Pick<Candidate, 'openingRangeHigh' | 'openingRangeLow' | 'lowOfDay' | 'gapPct' | 'note'>> = {},
): Candidate {
  if (!canMoveCandidate(candidate.status, to)) {
    throw new IllegalTransition('candidate', candidate.id, candidate.status, to);
  }
  return { ...candidate, ...changes, status: to, updatedAt: at };
}

export const isCandidateFinal = (status: CandidateStatus): boolean => ALLOWED[status].length === 0;
