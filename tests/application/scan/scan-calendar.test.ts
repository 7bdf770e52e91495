import { describe, expect, it } from 'vitest';
import { previousSessionClose } from '../../../src/application/scan/scan-calendar.js';
import { TradingCalendar } from '../../../src/domain/market/trading-calendar.js';
import { localDate } from '../../../src/domain/values/time.js';

const calendar = new TradingCalendar();

describe('previousSessionClose', () => {
  it('is 16:00 Sydney on the previous trading day, across a weekend and a holiday', () => {
    expect(new Date(previousSessionClose(calendar, localDate('2025-06-10'))).toISOString()).toBe(
      '2025-06-06T06:00:00.000Z',
    );
    expect(new Date(previousSessionClose(calendar, localDate('2025-06-11'))).toISOString()).toBe(
      '2025-06-10T06:00:00.000Z',
    );
  });

  it('follows daylight saving time', () => {
    expect(new Date(previousSessionClose(calendar, localDate('2025-12-02'))).toISOString()).toBe(
      '2025-12-01T05:00:00.000Z',
    );
  });

  it('is the early close when the previous trading day closed early', () => {
    expect(new Date(previousSessionClose(calendar, localDate('2025-12-29'))).toISOString()).toBe(
      '2025-12-24T03:10:00.000Z',
    );
  });
});
