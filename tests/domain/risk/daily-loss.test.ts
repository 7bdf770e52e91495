import { describe, expect, it } from 'vitest';
import {
  armedKillSwitch,
  dayPnl,
  describeKillSwitch,
  isDailyLossBreached,
  updateKillSwitch,
} from '../../../src/domain/risk/daily-loss.js';
import { dollars, money } from '../../../src/domain/values/money.js';
import { localDate } from '../../../src/domain/values/time.js';

const LIMIT = dollars(1000);
const TODAY = localDate('2025-07-01');

describe('daily loss', () => {
  it('adds realised and unrealised P&L', () => {
    expect(dayPnl(money(-600_000), money(-400_000))).toBe(-1_000_000);
  });

  it('is breached at exactly minus the limit, not one mill above it', () => {
    expect(isDailyLossBreached(money(-1_000_000), LIMIT)).toBe(true);
    expect(isDailyLossBreached(money(-999_999), LIMIT)).toBe(false);
    expect(isDailyLossBreached(money(-2_000_000), LIMIT)).toBe(true);
    expect(isDailyLossBreached(money(500_000), LIMIT)).toBe(false);
  });
});

describe('kill switch', () => {
  it('trips when the loss reaches the limit and records when', () => {
    const tripped = updateKillSwitch(armedKillSwitch(TODAY), TODAY, money(-1_000_000), LIMIT, 42);
    expect(tripped).toEqual({ date: TODAY, tripped: true, trippedAt: 42, pnlAtTrip: -1_000_000 });
    expect(describeKillSwitch(tripped, LIMIT)).toBe(
      'kill switch tripped on 2025-07-01: P&L -1000.00 reached the -1000.00 limit',
    );
  });

  it('stays armed above the limit', () => {
    const armed = updateKillSwitch(armedKillSwitch(TODAY), TODAY, money(-999_999), LIMIT, 42);
    expect(armed).toEqual({ date: TODAY, tripped: false });
    expect(describeKillSwitch(armed, LIMIT)).toBe('kill switch armed for 2025-07-01');
  });

  it('stays tripped for the rest of the day even if P&L recovers', () => {
    const tripped = updateKillSwitch(armedKillSwitch(TODAY), TODAY, money(-1_200_000), LIMIT, 42);
    expect(updateKillSwitch(tripped, TODAY, money(300_000), LIMIT, 50)).toEqual(tripped);
  });

  it('re-arms on a new day', () => {
    const tripped = updateKillSwitch(armedKillSwitch(TODAY), TODAY, money(-1_200_000), LIMIT, 42);
    const tomorrow = localDate('2025-07-02');
    expect(updateKillSwitch(tripped, tomorrow, money(0), LIMIT, 99)).toEqual({ date: tomorrow, tripped: false });
    expect(updateKillSwitch(tripped, tomorrow, money(-1_000_000), LIMIT, 99)).toMatchObject({
      tripped: true,
      trippedAt: 99,
    });
  });
});
