import type { Repository } from '../../domain/ports/repository.port.js';
import type { LocalDate } from '../../domain/values/time.js';

/** What a database already holds, as far as the demo cares: any order, position or candidate of its days. */
export interface DatabaseHistory {
  readonly orders: number;
  readonly positions: number;
  readonly candidates: number;
}

export function historyIn(repository: Repository, days: readonly LocalDate[]): DatabaseHistory {
  return {
    orders: repository.journal.all().length,
    positions: repository.positions.withStatus(['open', 'half_exited', 'closed']).length,
    candidates: days.reduce((count, day) => count + repository.candidates.forDate(day).length, 0),
  };
}

export function isEmpty(history: DatabaseHistory): boolean {
  return history.orders === 0 && history.positions === 0 && history.candidates === 0;
}
