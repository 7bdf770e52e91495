import type { Candidate } from '../../domain/candidate/candidate.js';
import type { JournalEntry } from '../../domain/orders/journal-entry.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { Position } from '../../domain/position/position.js';
import type { RealisedExit } from '../../application/shared/realised-pnl.js';
import { formatMoney } from '../../domain/values/money.js';
import { formatPrice } from '../../domain/values/price.js';
import { clockTimeWithSeconds } from './scan-table.js';

/** The words the demo prints for each kind of step; one function per step, each returns the line's text. */

export function candidateMoved(candidate: Candidate): string {
  return `${candidate.status}: ${candidate.note ?? 'no reason recorded'}`;
}

export function rangeComplete(candidate: Candidate): string {
  const { openingRangeLow: low, openingRangeHigh: high, lowOfDay } = candidate;
  if (low === undefined || high === undefined) return 'opening range not complete';
  const lod = lowOfDay === undefined || lowOfDay === low ? '' : `, low of day ${formatPrice(lowOfDay)}`;
  return `opening range ${formatPrice(low)} - ${formatPrice(high)}${lod}`;
}

export function orderPlaced(entry: JournalEntry): string {
  const { intent } = entry;
  const price =
    intent.type === 'STP' && intent.stopPrice !== undefined
      ? ` stop ${formatPrice(intent.stopPrice)}`
      : intent.type === 'LMT' && intent.limitPrice !== undefined
        ? ` limit ${formatPrice(intent.limitPrice)}`
        : ' at market';
  const order = `${intent.side} ${intent.quantity}${price} (${intent.purpose}, ${intent.tif})`;
  return `order ${order} placed as ${entry.clientOrderId}: ${entry.state}`;
}

export function orderEnded(entry: JournalEntry): string {
  const why = entry.lastError === undefined ? '' : `: ${entry.lastError}`;
  return `order ${entry.clientOrderId} ${entry.state}${why}`;
}

export function filled(fill: Fill, purpose: string): string {
  const trade = `${fill.side} ${fill.quantity} at ${formatPrice(fill.price)}`;
  return `filled: ${trade} (${purpose}, traded ${clockTimeWithSeconds(fill.at)}), commission ${formatMoney(fill.commission)}`;
}

export function positionOpened(position: Position): string {
  const average = (position.costBasis / position.quantity / 1000).toFixed(3);
  const stop = formatPrice(position.stopPrice);
  return `position open: ${position.quantity} shares at ${average}, protective stop ${stop}`;
}

export function positionExited({ exit, realised }: RealisedExit, position: Position): string {
  const after = position.status === 'closed' ? 'position closed' : `${position.quantity} shares kept`;
  const sale = `sold ${exit.quantity} at ${formatPrice(exit.price)}`;
  return `exit (${exit.reason}): ${sale}, realised ${formatMoney(realised)}; ${after}`;
}

export function stopMoved(position: Position): string {
  return `protective stop now ${formatPrice(position.stopPrice)} for ${position.quantity} shares`;
}
