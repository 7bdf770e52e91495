import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { localDate, type LocalDate } from '../../../domain/values/time.js';
import { BarRowError } from './bar-import.error.js';
import { dailyBarStart, type RawBar } from './raw-bar.js';

/**
 * The usual ASX end-of-day vendor layout: no header, one daily bar per line,
 * `CODE,DD/MM/YYYY,open,high,low,close,volume` (`YYYYMMDD` dates, as in MetaStock-style exports, are read too).
 * Files come one per day or one per code.
 */
const FIELDS = ['code', 'date', 'open', 'high', 'low', 'close', 'volume'] as const;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function asxEodRow(file: string, line: number, fields: readonly string[]): RawBar {
  if (fields.length !== FIELDS.length) {
    throw new BarRowError(
      file,
      line,
      'row',
      `expected ${FIELDS.length} fields (${FIELDS.join(',')}), found ${fields.length}`,
    );
  }
  const [code = '', date = '', open = '', high = '', low = '', close = '', volume = ''] = fields;
  let day: LocalDate;
  try {
    day = vendorDate(date);
  } catch (error) {
    if (error instanceof InvalidValue) throw new BarRowError(file, line, 'date', `${date}: ${error.why}`);
    throw error;
  }
  return {
    line,
    symbol: { name: 'code', text: code },
    time: { name: 'date', text: date },
    size: '1d',
    start: dailyBarStart(day),
    open: { name: 'open', text: open },
    high: { name: 'high', text: high },
    low: { name: 'low', text: low },
    close: { name: 'close', text: close },
    volume: { name: 'volume', text: volume },
    volumeFactor: 1,
  };
}

function vendorDate(text: string): LocalDate {
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, d = '', m = '', y = ''] = dayFirst;
    return localDate(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
  }
  const compact = COMPACT.exec(text);
  if (compact) {
    const [, y = '', m = '', d = ''] = compact;
    return localDate(`${y}-${m}-${d}`);
  }
  throw new InvalidValue('date', text, 'expected DD/MM/YYYY or YYYYMMDD');
}
