import { describe, expect, it } from 'vitest';
import { DayPnlCalculator } from '../../../src/application/shared/day-pnl.js';
import { DailyLossGuard } from '../../../src/application/shared/daily-loss-guard.js';
import { candidateId } from '../../../src/domain/candidate/candidate.js';
import { deriveClientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { openPosition, recordExit } from '../../../src/domain/position/position.js';
import { instrument, type Instrument } from '../../../src/domain/values/instrument.js';
import { dollars, money } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { localDate } from '../../../src/domain/values/time.js';
import { at, gapperRange, gappersReadyToEnter, minuteBar, watch } from './support/market-script.js';
import { TradingWorld, type WorldOptions } from './support/trading-world.js';

const DAY = '2025-07-15';
const ALPH = instrument('ALPH', 9_101);
const BETA = instrument('BETA', 9_102);

async function readyWorld(instruments: readonly Instrument[], options: Partial<WorldOptions> = {}) {
  const world = new TradingWorld({ start: at(DAY, '08:00'), instruments, ...options });
  await gappersReadyToEnter(world, instruments, DAY);
  return world;
}

/** 1000 BETA bought at 1.000 at 10:01, the day's earlier trade. */
const betaBought = (id = 'skim-20250715-BETA-entry-1') =>
  openPosition({
    id,
    instrument: BETA,
    entryDate: localDate(DAY),
    stopPrice: parsePrice('0.950'),
    fill: { quantity: quantity(1000), price: parsePrice('1.000'), commission: dollars(6), at: at(DAY, '10:01') },
  });
const STOPPED_OUT = { reason: 'stop', quantity: quantity(1000), commission: dollars(6), at: at(DAY, '10:03') } as const;

const candidateOf = (world: TradingWorld, on: Instrument) =>
  world.repository.candidates.get(candidateId(localDate(DAY), on.symbol));

describe('ExecuteEntriesUseCase', () => {
  it('rests a buy-stop one tick above the range high, sized to the position dollars', async () => {
    const world = await readyWorld([ALPH], { strategy: { positionDollars: dollars(1000) } });

    await world.execute.run();

    expect(world.exchange.orders()).toMatchObject([
      { clientOrderId: 'skim-20250715-ALPH-entry-1', side: 'BUY', type: 'STP', stopPrice: parsePrice('1.105') },
    ]);
    // floor(1000.00 / 1.105) = 904 shares
    expect(world.exchange.orders()[0]?.quantity).toBe(904);
    expect(candidateOf(world, ALPH)).toMatchObject({ status: 'entered', lowOfDay: parsePrice('1.040') });
  });

  it('refuses to decide an entry on delayed market data unless that is allowed', async () => {
    const world = await readyWorld([ALPH]);
    world.broker.quoteFreshness = 'delayed';

    await world.execute.run();

    expect(world.exchange.orders()).toEqual([]);
    expect(world.logged('no entry: market data is delayed')).toHaveLength(1);
    expect(candidateOf(world, ALPH)?.status).toBe('triggered');
  });

  it('buys at market only once a trade prints above the range high in market mode', async () => {
    const world = await readyWorld([ALPH], { strategy: { entryOrder: 'market' } });

    await world.execute.run();
    expect(world.exchange.orders()).toEqual([]);
    expect(world.logged('no entry yet')[0]?.fields).toMatchObject({ reason: 'no_breakout_yet' });

    world.exchange.publishBar(ALPH, minuteBar(DAY, '10:05', ['1.090', '1.120', '1.085', '1.115']));
    world.clock.set(at(DAY, '10:06'));
    await world.execute.run();
    expect(world.exchange.orders()).toMatchObject([{ side: 'BUY', type: 'MKT', quantity: 1000 }]);
  });

  it('sends one order when it runs twice', async () => {
    const world = await readyWorld([ALPH]);

    await world.execute.run();
    await world.execute.run();

    expect(world.exchange.orders()).toHaveLength(1);
    expect(world.broker.placeCalls).toBe(1);
  });

  it('finds an order whose answer was lost by its client order id instead of sending it again', async () => {
    const world = await readyWorld([ALPH]);
    world.broker.loseOrderAnswers = true;

    await world.execute.run();
    world.broker.loseOrderAnswers = false;
    await world.execute.run();

    expect(world.exchange.orders()).toHaveLength(1);
    expect(world.repository.journal.get(deriveClientOrderId(localDate(DAY), 'ALPH', 'entry'))?.state).toBe('pending');
    expect(candidateOf(world, ALPH)?.status).toBe('entered');
  });

  it('reconciles a crash between journal and send without a second order', async () => {
    const world = await readyWorld([ALPH]);
    world.broker.loseOrderAnswers = true;
    world.broker.failLookups = true;
    await world.execute.run();
    const id = deriveClientOrderId(localDate(DAY), 'ALPH', 'entry');
    expect(world.repository.journal.get(id)?.state).toBe('unknown');

    world.broker.loseOrderAnswers = false;
    world.broker.failLookups = false;
    const report = await world.reconcile.run();
    await world.execute.run();

    expect(report.orders).toEqual([{ clientOrderId: id, from: 'unknown', to: 'pending', note: 'found at the broker' }]);
    expect(world.broker.placeCalls).toBe(1);
    expect(world.exchange.orders()).toHaveLength(1);
    expect(candidateOf(world, ALPH)?.status).toBe('entered');
  });

  it('skips a trade whose low-of-day stop is more than the maximum distance below the entry', async () => {
    const world = new TradingWorld({ start: at(DAY, '08:00'), instruments: [ALPH] });
    await gappersReadyToEnter(world, [ALPH], DAY, (date) => [
      ...gapperRange(date).slice(0, 4),
      minuteBar(date, '10:04', ['1.080', '1.095', '0.900', '1.090']),
    ]);

    await world.execute.run();

    expect(world.exchange.orders()).toEqual([]);
    expect(candidateOf(world, ALPH)).toMatchObject({ status: 'rejected' });
    expect(world.logged('entry skipped: stop 0.90 is 18.55 % below entry')[0]?.fields).toMatchObject({
      reason: 'stop_too_far',
    });
  });

  describe('refuses by the entry risk rules, logging the rule and sending nothing', () => {
    it('counts entries in flight against the maximum number of positions', async () => {
      const world = await readyWorld([ALPH, BETA], { risk: { maxPositions: 1 } });

      await world.execute.run();

      expect(world.exchange.orders().map((o) => o.instrument.symbol)).toEqual(['ALPH']);
      expect(world.logged('entry refused by risk rule max_positions')[0]?.fields).toMatchObject({
        symbol: 'BETA',
        detail: '0 open + 1 in flight; limit 1',
      });
      expect(candidateOf(world, BETA)?.status).toBe('triggered');
    });

    it('stops at the orders-per-minute circuit breaker', async () => {
      const world = await readyWorld([ALPH, BETA], { risk: { maxOrdersPerMinute: 1 } });

      await world.execute.run();

      expect(world.exchange.orders()).toHaveLength(1);
      expect(world.logged('entry refused by risk rule orders_per_minute')).toHaveLength(1);
    });

    it('caps the value of one entry', async () => {
      const world = await readyWorld([ALPH], { risk: { positionDollars: dollars(500) } });

      await world.execute.run();

      expect(world.exchange.orders()).toEqual([]);
      expect(world.logged('entry refused by risk rule position_dollars')[0]?.fields).toMatchObject({
        detail: 'ALPH entry worth 1105.00; limit 500.00',
      });
    });

    it('caps the shares of one position', async () => {
      const world = await readyWorld([ALPH], { risk: { maxShares: 100 } });

      await world.execute.run();

      expect(world.exchange.orders()).toEqual([]);
      expect(world.logged('entry refused by risk rule max_shares')).toHaveLength(1);
    });

    it('never has two live entry orders for one symbol', async () => {
      const world = await readyWorld([ALPH]);
      await world.submitter.submit({
        clientOrderId: deriveClientOrderId(localDate(DAY), 'ALPH', 'entry', 2),
        instrument: ALPH,
        side: 'BUY',
        type: 'STP',
        stopPrice: parsePrice('1.200'),
        quantity: quantity(100),
        tif: 'DAY',
        purpose: 'entry',
      });

      await world.execute.run();

      expect(world.exchange.orders()).toHaveLength(1);
      expect(world.logged('entry refused by risk rule duplicate_entry')).toHaveLength(1);
    });

    it('does not buy a symbol Skim already holds', async () => {
      const world = await readyWorld([ALPH]);
      world.repository.positions.save(
        openPosition({
          id: 'skim-20250714-ALPH-entry-1',
          instrument: ALPH,
          entryDate: localDate('2025-07-14'),
          stopPrice: parsePrice('0.950'),
          fill: {
            quantity: quantity(500),
            price: parsePrice('1.000'),
            commission: dollars(6),
            at: at('2025-07-14', '10:10'),
          },
        }),
      );

      await world.execute.run();

      expect(world.exchange.orders()).toEqual([]);
      expect(candidateOf(world, ALPH)).toMatchObject({
        status: 'rejected',
        note: 'entry skipped: ALPH is already held',
      });
    });
  });

  it('makes no new entry once the daily loss reaches the kill switch', async () => {
    const world = await readyWorld([ALPH], { risk: { maxDailyLoss: dollars(50) } });
    world.repository.positions.save(recordExit(betaBought(), { ...STOPPED_OUT, price: parsePrice('0.950') }));

    await world.execute.run();

    expect(world.exchange.orders()).toEqual([]);
    const [line] = world.logged('no new entries: kill switch tripped');
    expect(line?.message).toContain('P&L -62.00 reached the -50.00 limit');
    expect(line?.fields).toMatchObject({ symbols: ['ALPH'], dayPnl: '-62.00' });
    expect((await world.status.run()).killSwitch).toMatchObject({ tripped: true, pnlAtTrip: money(-62_000) });
  });

  it('keeps the kill switch tripped for the day across a restart, even once the P&L has recovered', async () => {
    const world = await readyWorld([ALPH], { risk: { maxDailyLoss: dollars(50) } });
    world.repository.positions.save(recordExit(betaBought(), { ...STOPPED_OUT, price: parsePrice('0.950') }));
    await world.execute.run();
    // A winner closed later brings the day's P&L back above the limit.
    const winner = betaBought('skim-20250715-BETA-entry-2');
    world.repository.positions.save(recordExit(winner, { ...STOPPED_OUT, price: parsePrice('1.200') }));

    const restarted = new DailyLossGuard(
      new DayPnlCalculator(world.broker, world.repository, world.log),
      dollars(50),
      world.repository.killSwitches,
    );
    const { killSwitch, pnl } = await restarted.check(localDate(DAY), at(DAY, '10:30'));

    expect(pnl.total).toBeGreaterThan(0);
    expect(killSwitch).toMatchObject({ tripped: true, trippedAt: at(DAY, '10:05'), pnlAtTrip: money(-62_000) });
  });

  it('makes no new entry while trading is halted, and says why', async () => {
    const world = await readyWorld([ALPH]);
    world.halt.halt('kill-switch file present');

    await world.execute.run();

    expect(world.exchange.orders()).toEqual([]);
    expect(world.logged('no new entries: trading is halted (kill-switch file present)')).toHaveLength(1);
    expect(candidateOf(world, ALPH)?.status).toBe('triggered');
  });

  it('cancels a resting buy-stop once trading is halted, so it cannot open a position', async () => {
    const world = await readyWorld([ALPH]);
    await world.execute.run();
    world.halt.halt('operator pause');
    world.clock.set(at(DAY, '10:06'));

    await world.execute.run();

    expect(world.exchange.orders()).toMatchObject([{ side: 'BUY', type: 'STP', status: 'cancelled' }]);
    expect(world.logged('no new entries: trading is halted (operator pause)')[0]?.fields).toMatchObject({
      restingEntryOrders: 1,
    });
  });

  it('expires untriggered candidates and cancels unfilled entry orders at the cutoff', async () => {
    const world = await readyWorld([ALPH]);
    await world.execute.run();
    const quiet = instrument('QUIET', 9_109);
    world.exchange.listInstrument(quiet);
    watch(world, quiet, DAY);

    world.clock.set(at(DAY, '12:00'));
    await world.execute.run();

    expect(world.exchange.orders()).toMatchObject([{ side: 'BUY', status: 'cancelled' }]);
    expect(world.repository.candidates.get(`${DAY}:QUIET`)).toMatchObject({
      status: 'expired',
      note: 'entry cutoff 12:00 reached before its gap could be measured',
    });
    expect(candidateOf(world, ALPH)?.status).toBe('entered');
  });
});
