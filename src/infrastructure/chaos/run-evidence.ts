import type { RequestRecord } from '../../adapters/gateway-sim/http/request-pipeline.js';
import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { JournalEntry } from '../../domain/orders/journal-entry.js';
import type { BrokerPosition } from '../../domain/ports/broker.port.js';
import type { Position } from '../../domain/position/position.js';
import type { RiskLimits } from '../../domain/risk/risk-limits.js';
import type { EpochMs } from '../../domain/values/time.js';

/** The broker's positions as they stood at one replay step. */
export interface PositionSample {
  readonly at: EpochMs;
  readonly positions: readonly BrokerPosition[];
}

/** What a finished run leaves behind on both sides of the gateway, for the invariants to compare. */
export interface RunEvidence {
  /** Every order the simulated exchange received. */
  readonly exchangeOrders: readonly BrokerOrder[];
  /** Every execution at the simulated exchange. */
  readonly exchangeFills: readonly Fill[];
  readonly journal: readonly JournalEntry[];
  /** The fills in Skim's trade store. */
  readonly recordedFills: readonly Fill[];
  /** Skim's positions still holding shares. */
  readonly localPositions: readonly Position[];
  readonly brokerPositions: readonly BrokerPosition[];
  /** The position repairs Skim's reconciles had to book, one line each (the books and the broker disagreed). */
  readonly repairs: readonly string[];
  /** The broker's positions after every replay step. */
  readonly positionSamples: readonly PositionSample[];
  /** Every request the gateway simulator answered, in order. */
  readonly requests: readonly RequestRecord[];
  /** Unhandled promise rejections seen in the trading process. */
  readonly unhandledRejections: readonly string[];
  /** The limits Skim was meant to trade within. */
  readonly limits: RiskLimits;
}

/** A broken invariant: which one, and the facts that show it. */
export interface Violation {
  readonly invariant: string;
  readonly message: string;
}

export type Invariant = (evidence: RunEvidence) => Violation[];
