import type { CandidateStatus } from '../../../domain/candidate/candidate.js';
import type { JournalState } from '../../../domain/orders/journal-entry.js';
import type { OrderPurpose, OrderType, Side, TimeInForce } from '../../../domain/orders/order-intent.js';
import type { ExitReason, PositionStatus } from '../../../domain/position/position.js';

/*
 * Every member of the domain's string unions, for checking TEXT columns on the way back in. Written as
 * records so that the compiler reports a member added to the domain and missing here.
 */
const membersOf = <T extends string>(members: Record<T, true>): readonly T[] => Object.keys(members) as T[];

export const CANDIDATE_STATUSES = membersOf<CandidateStatus>({
  watching: true,
  triggered: true,
  entered: true,
  expired: true,
  rejected: true,
});

export const POSITION_STATUSES = membersOf<PositionStatus>({ open: true, half_exited: true, closed: true });

export const EXIT_REASONS = membersOf<ExitReason>({
  stop: true,
  day3_half: true,
  sma_trail: true,
  manual: true,
  kill_switch: true,
  reconcile: true,
});

export const SIDES = membersOf<Side>({ BUY: true, SELL: true });

export const ORDER_TYPES = membersOf<OrderType>({ MKT: true, LMT: true, STP: true });

export const TIMES_IN_FORCE = membersOf<TimeInForce>({ DAY: true, GTC: true });

export const ORDER_PURPOSES = membersOf<OrderPurpose>({
  entry: true,
  stop: true,
  day3_half: true,
  sma_trail: true,
  manual: true,
  kill_switch: true,
  reconcile: true,
});

export const JOURNAL_STATES = membersOf<JournalState>({
  intent: true,
  submitting: true,
  pending: true,
  working: true,
  partially_filled: true,
  filled: true,
  cancelled: true,
  rejected: true,
  unknown: true,
});
