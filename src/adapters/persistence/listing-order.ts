import type { Candidate } from '../../domain/candidate/candidate.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { JournalEntry } from '../../domain/orders/journal-entry.js';
import type { Position } from '../../domain/position/position.js';

/**
 * The order in which every repository lists what it returns, so that both adapters answer alike:
 * candidates by id (the symbol within a day), positions by opening time, fills by time, journal
 * entries by creation time, each tie broken by the key.
 */
export const byCandidateId = (a: Candidate, b: Candidate): number => compareKeys(a.id, b.id);

export const byOpeningTime = (a: Position, b: Position): number => a.openedAt - b.openedAt || compareKeys(a.id, b.id);

export const byFillTime = (a: Fill, b: Fill): number => a.at - b.at || compareKeys(a.executionId, b.executionId);

export const byCreationTime = (a: JournalEntry, b: JournalEntry): number =>
  a.createdAt - b.createdAt || compareKeys(a.clientOrderId, b.clientOrderId);

function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
