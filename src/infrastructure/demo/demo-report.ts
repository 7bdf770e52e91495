import { weekday, type LocalDate } from '../../domain/values/time.js';
import type { DatabaseHistory } from './database-history.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** The demo's opening lines: what is simulated, where it trades, where it writes. */
export function describeRun(gatewayUrl: string, dbPath: string, logFile: string | undefined): string {
  return [
    'Skim demo: simulated ASX trading days, end to end.',
    `  gateway   Client Portal simulator at ${gatewayUrl} (loopback HTTPS, paper account)`,
    '  market    seeded synthetic prices and announcements of fictional companies (not real data)',
    `  database  ${dbPath}`,
    ...(logFile === undefined ? [] : [`  log       ${logFile}`]),
    '  Times are Sydney time; the clock is replayed, so a trading day takes seconds.',
  ].join('\n');
}

/** "Thu 2025-11-13 (day 4 of 4)" */
export function dayTitle(date: LocalDate, index: number, total: number): string {
  return `${WEEKDAYS[weekday(date)] ?? ''} ${date} (demo day ${index + 1} of ${total})`;
}

/** Why a second run leaves the database alone, and how to run the demo again. */
export function describeRefusal(dbPath: string, history: DatabaseHistory): string {
  return [
    `The database ${dbPath} already holds trading history`,
    `(${history.orders} orders, ${history.positions} positions, ${history.candidates} demo candidates),`,
    'so the demo leaves it alone: it trades only into an empty database, and never twice into the same one.',
    'To watch it again, give it a fresh file, e.g.  SKIM_DB_PATH=./data/demo-2.db npm start',
  ].join('\n');
}
