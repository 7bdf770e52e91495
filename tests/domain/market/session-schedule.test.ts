import { describe, expect, it } from 'vitest';
import { continuousOpenAt, continuousOpenTime } from '../../../src/domain/market/session-schedule.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { localDate } from '../../../src/domain/values/time.js';

const before = localDate('2025-06-20');
const from = localDate('2025-06-23');

describe('continuous trading open', () => {
  it.each([
    ['1AE', '10:00:00'],
    ['ABC', '10:00:00'],
    ['BHP', '10:00:00'],
    ['CBA', '10:02:15'],
    ['FMG', '10:02:15'],
    ['GMG', '10:04:30'],
    ['MQG', '10:04:30'],
    ['NAB', '10:06:45'],
    ['RIO', '10:06:45'],
    ['STO', '10:09:00'],
    ['ZIP', '10:09:00'],
  ])('staggers %s to %s before 2025-06-23', (code, time) => {
    expect(continuousOpenTime(asxSymbol(code), before)).toBe(time);
  });

  it('opens every stock at 10:00:00 from 2025-06-23', () => {
    for (const code of ['1AE', 'BHP', 'CBA', 'MQG', 'RIO', 'ZIP']) {
      expect(continuousOpenTime(asxSymbol(code), from)).toBe('10:00:00');
    }
  });

  it('gives the instant in Sydney time', () => {
    expect(continuousOpenAt(asxSymbol('ZIP'), before)).toBe(Date.parse('2025-06-20T00:09:00Z'));
    expect(continuousOpenAt(asxSymbol('CBA'), localDate('2024-12-02'))).toBe(Date.parse('2024-12-01T23:02:15Z'));
    expect(continuousOpenAt(asxSymbol('ZIP'), from)).toBe(Date.parse('2025-06-23T00:00:00Z'));
  });
});
