import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import { localDate, type EpochMs } from '../../domain/values/time.js';

const DATE = /(?:^|\s)(\d{1,2})\/(\d{1,2})\/(\d{4})(?=\s|$)/;
const TIME = /(?:^|\s)(\d{1,2}):(\d{2})\s*([ap])\.?m\.?(?=\s|$)/i;

export type ReleaseTime = { readonly at: EpochMs } | { readonly problem: string };

/**
 * The instant of a release from the text of a date cell: "DD/MM/YYYY" then "h:mm am/pm", Sydney wall-clock
 * time (converted with the time-zone database, so AEST and AEDT both come out right).
 */
export function parseReleaseTime(cellText: string): ReleaseTime {
  const date = DATE.exec(cellText);
  if (!date) return { problem: `no release date (DD/MM/YYYY) in "${cellText}"` };
  const time = TIME.exec(cellText);
  if (!time) return { problem: `no release time (h:mm am/pm) in "${cellText}"` };
  const [, dd = '', mm = '', yyyy = ''] = date;
  const [, h = '', minutes = '', half = ''] = time;
  const iso = `${yyyy}-${mm.padStart(2, '0')}-${dd.padStart(2, '0')}`;
  let day;
  try {
    day = localDate(iso);
  } catch {
    return { problem: `no such date ${date[0].trim()}` };
  }
  const hour12 = Number(h);
  if (hour12 < 1 || hour12 > 12 || Number(minutes) > 59) return { problem: `no such time ${time[0].trim()}` };
  const hour24 = (hour12 % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  return { at: sydneyLocalToEpoch(day, `${String(hour24).padStart(2, '0')}:${minutes}`) };
}
