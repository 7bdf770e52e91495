import { describe, expect, it } from 'vitest';
import { parseReleaseTime } from '../../../src/adapters/asx/asx-release-time.js';

const iso = (text: string): string => {
  const parsed = parseReleaseTime(text);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return new Date(parsed.at).toISOString();
};

describe('parseReleaseTime', () => {
  it('reads Sydney winter time (AEST, UTC+10)', () => {
    expect(iso('10/06/2025 9:30 am')).toBe('2025-06-09T23:30:00.000Z');
    expect(iso('06/06/2025 4:30 pm')).toBe('2025-06-06T06:30:00.000Z');
  });

  it('reads Sydney summer time (AEDT, UTC+11)', () => {
    expect(iso('01/12/2025 10:30 am')).toBe('2025-11-30T23:30:00.000Z');
  });

  it('turns the 12-hour clock into the 24-hour one around midnight and noon', () => {
    expect(iso('01/12/2025 12:05 am')).toBe('2025-11-30T13:05:00.000Z');
    expect(iso('01/12/2025 12:30 pm')).toBe('2025-12-01T01:30:00.000Z');
    expect(iso('01/12/2025 1:00 pm')).toBe('2025-12-01T02:00:00.000Z');
  });

  it('tolerates single-digit days and months, capitals, dots and extra words', () => {
    expect(iso('1/6/2025 9:05 AM')).toBe('2025-05-31T23:05:00.000Z');
    expect(iso('01/06/2025 9:05 a.m. AEST')).toBe('2025-05-31T23:05:00.000Z');
    expect(iso('01/06/2025 9:05am')).toBe('2025-05-31T23:05:00.000Z');
  });

  it.each([
    ['', 'no release date (DD/MM/YYYY) in ""'],
    ['9:30 am', 'no release date (DD/MM/YYYY) in "9:30 am"'],
    ['10/06/2025', 'no release time (h:mm am/pm) in "10/06/2025"'],
    ['10/06/2025 21:30', 'no release time (h:mm am/pm) in "10/06/2025 21:30"'],
    ['31/02/2025 9:30 am', 'no such date 31/02/2025'],
    ['10/06/2025 13:10 pm', 'no such time 13:10 pm'],
    ['10/06/2025 0:10 am', 'no such time 0:10 am'],
    ['10/06/2025 9:75 am', 'no such time 9:75 am'],
  ])('explains what is wrong with %j', (text, problem) => {
    expect(parseReleaseTime(text)).toEqual({ problem });
  });
});
