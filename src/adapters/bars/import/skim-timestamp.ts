import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { parseLocalTime, sydneyLocalToEpoch } from '../../../domain/market/sydney-time.js';
import { localDate } from '../../../domain/values/time.js';
import { dailyBarStart, type BarTime } from './raw-bar.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const SYDNEY_LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/;
const ZONED = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * The `timestamp` column of Skim's CSV format:
 * - `2024-03-01T10:00:00+11:00` or `2024-03-01T00:00:00Z`: an instant (minute bar);
 * - `2024-03-01 10:00` (seconds optional): Sydney wall-clock time, whatever the offset was that day (minute bar);
 * - `2024-03-01`: a trading date (daily bar).
 */
export function parseSkimTimestamp(text: string): BarTime {
  if (DATE_ONLY.test(text)) return { size: '1d', start: dailyBarStart(localDate(text)) };
  const local = SYDNEY_LOCAL.exec(text);
  if (local) {
    const [, date = '', time = ''] = local;
    return { size: '1min', start: sydneyLocalToEpoch(localDate(date), time) };
  }
  const zoned = ZONED.exec(text);
  if (zoned) {
    const [, date = '', time = '', millis = '0', zone = 'Z'] = zoned;
    const [y, m, d] = localDate(date).split('-').map(Number) as [number, number, number];
    const { hour, minute, second } = parseLocalTime(time);
    const utc = Date.UTC(y, m - 1, d, hour, minute, second, Number(millis.padEnd(3, '0')));
    return { size: '1min', start: utc - offsetMs(text, zone) };
  }
  throw new InvalidValue(
    'timestamp',
    text,
    'expected YYYY-MM-DDTHH:MM[:SS]+HH:MM (or Z), YYYY-MM-DD HH:MM (Sydney) or YYYY-MM-DD',
  );
}

function offsetMs(text: string, zone: string): number {
  if (zone === 'Z') return 0;
  const [, sign = '+', hours = '0', minutes = '0'] = OFFSET.exec(zone) ?? [];
  if (Number(hours) > 14 || Number(minutes) > 59) throw new InvalidValue('timestamp', text, 'offset out of range');
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}
