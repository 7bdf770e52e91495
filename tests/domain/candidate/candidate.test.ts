import { describe, expect, it } from 'vitest';
import {
  canMoveCandidate,
  candidateId,
  isCandidateFinal,
  moveCandidate,
  newCandidate,
  type CandidateStatus,
} from '../../../src/domain/candidate/candidate.js';
import { IllegalTransition } from '../../../src/domain/errors/illegal-transition.error.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { price } from '../../../src/domain/values/price.js';
import { localDate } from '../../../src/domain/values/time.js';

const STATUSES: readonly CandidateStatus[] = ['watching', 'triggered', 'entered', 'expired', 'rejected'];
const LEGAL = new Set([
  'watching>triggered',
  'watching>expired',
  'watching>rejected',
  'triggered>entered',
  'triggered>expired',
  'triggered>rejected',
]);
const ALL_PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

function candidateIn(status: CandidateStatus) {
  const watching = newCandidate({ symbol: asxSymbol('BHP'), tradingDate: localDate('2025-07-01'), gapPct: 4.2 }, 1000);
  return { ...watching, status };
}

describe('candidate lifecycle', () => {
  it('starts as watching with an id made of date and code', () => {
    const candidate = candidateIn('watching');
    expect(candidate.id).toBe('2025-07-01:BHP');
    expect(candidateId(localDate('2025-07-01'), asxSymbol('BHP'))).toBe('2025-07-01:BHP');
    expect(
      newCandidate({ symbol: asxSymbol('BHP'), tradingDate: localDate('2025-07-01'), gapPct: 4.2 }, 5),
    ).toMatchObject({ status: 'watching', createdAt: 5, updatedAt: 5 });
  });

  it.each(ALL_PAIRS.filter(([from, to]) => LEGAL.has(`${from}>${to}`)))('allows %s -> %s', (from, to) => {
    expect(canMoveCandidate(from, to)).toBe(true);
    const moved = moveCandidate(candidateIn(from), to, 2000, { note: 'why' });
    expect(moved).toMatchObject({ status: to, updatedAt: 2000, createdAt: 1000, note: 'why' });
  });

  it.each(ALL_PAIRS.filter(([from, to]) => !LEGAL.has(`${from}>${to}`)))('refuses %s -> %s', (from, to) => {
    expect(canMoveCandidate(from, to)).toBe(false);
    const attempt = () => moveCandidate(candidateIn(from), to, 2000);
    expect(attempt).toThrow(IllegalTransition);
    expect(attempt).toThrow(`candidate 2025-07-01:BHP cannot go from ${from} to ${to}`);
  });

  it('records the opening range and low of day given with a move', () => {
    const triggered = moveCandidate(candidateIn('watching'), 'triggered', 2000, {
      openingRangeHigh: price(2510),
      openingRangeLow: price(2400),
      lowOfDay: price(2400),
    });
    expect(triggered).toMatchObject({ openingRangeHigh: 2510, openingRangeLow: 2400, lowOfDay: 2400 });
  });

  it('treats entered, expired and rejected as final', () => {
    expect(STATUSES.filter(isCandidateFinal)).toEqual(['entered', 'expired', 'rejected']);
  });

  it('carries the facts of a refused move on the error', () => {
    try {
      moveCandidate(candidateIn('entered'), 'watching', 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransition);
      expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', entity: 'candidate', from: 'entered', to: 'watching' });
    }
  });
});
