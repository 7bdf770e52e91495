import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalEntryNotFound } from '../../src/adapters/persistence/journal-entry-not-found.error.js';
import { moveCandidate } from '../../src/domain/candidate/candidate.js';
import { InvalidValue } from '../../src/domain/errors/invalid-value.error.js';
import { clientOrderId } from '../../src/domain/orders/client-order-id.js';
import type { Repository } from '../../src/domain/ports/repository.port.js';
import { recordExit, type PositionExit } from '../../src/domain/position/position.js';
import { money } from '../../src/domain/values/money.js';
import { price } from '../../src/domain/values/price.js';
import { quantity } from '../../src/domain/values/quantity.js';
import { localDate } from '../../src/domain/values/time.js';
import {
  DAY,
  fill,
  fullCandidate,
  fullJournalEntry,
  halfExitedPosition,
  MINUTE,
  minimalCandidate,
  minimalJournalEntry,
  NEXT_DAY,
  OPEN_AT,
  openedPosition,
  PLS,
  positionWithExits,
} from '../adapters/persistence/sample-records.js';

/** The behaviour every Repository adapter must share; each adapter's test file runs it. */
export function describeRepositoryContract(name: string, makeRepository: () => Repository): void {
  describe(`${name} honours the repository contract`, () => {
    let repo: Repository;

    beforeEach(() => {
      repo = makeRepository();
    });

    afterEach(() => {
      repo.close();
    });

    describe('candidates', () => {
      it('round-trips a candidate with every optional field present', () => {
        repo.candidates.save(fullCandidate());
        expect(repo.candidates.get(fullCandidate().id)).toStrictEqual(fullCandidate());
      });

      it('round-trips a candidate with every optional field absent', () => {
        repo.candidates.save(minimalCandidate());
        const stored = repo.candidates.get(minimalCandidate().id);
        expect(stored).toStrictEqual(minimalCandidate());
        expect(Object.keys(stored ?? {})).not.toContain('headline');
      });

      it('answers undefined for an id never saved', () => {
        expect(repo.candidates.get('2025-07-14:XYZ')).toBeUndefined();
      });

      it('replaces the stored candidate when it is saved again', () => {
        const first = fullCandidate();
        repo.candidates.save(first);
        const entered = moveCandidate(first, 'entered', OPEN_AT + 9 * MINUTE, { lowOfDay: price(44_700) });
        const { note: _dropped, ...withoutNote } = entered;
        repo.candidates.save(withoutNote);
        expect(repo.candidates.get(first.id)).toStrictEqual(withoutNote);
      });

      it("lists one day's candidates by symbol, optionally only in some statuses", () => {
        const watching = minimalCandidate('PLS');
        const triggered = fullCandidate('BHP');
        const rejected = { ...minimalCandidate('CBA'), status: 'rejected' as const };
        const otherDay = minimalCandidate('ANZ', NEXT_DAY);
        for (const c of [watching, triggered, rejected, otherDay]) repo.candidates.save(c);

        expect(repo.candidates.forDate(DAY).map((c) => c.symbol)).toEqual(['BHP', 'CBA', 'PLS']);
        expect(repo.candidates.forDate(DAY, ['watching', 'triggered'])).toStrictEqual([triggered, watching]);
        expect(repo.candidates.forDate(NEXT_DAY, ['watching'])).toStrictEqual([otherDay]);
        expect(repo.candidates.forDate(DAY, [])).toEqual([]);
      });
    });

    describe('positions', () => {
      it('round-trips a position just opened', () => {
        repo.positions.save(openedPosition());
        expect(repo.positions.get('pos-bhp')).toStrictEqual(openedPosition());
      });

      it('round-trips a position with several exits exactly, in order', () => {
        const closed = positionWithExits();
        repo.positions.save(closed);
        const stored = repo.positions.get(closed.id);
        expect(stored).toStrictEqual(closed);
        expect(stored?.exits.map((e) => e.reason)).toEqual(['day3_half', 'manual', 'stop']);
        expect(stored?.realisedPnl).toBe(closed.realisedPnl);
      });

      it('keeps each saved step of a position, and exactly the exits of the last save', () => {
        const opened = openedPosition();
        repo.positions.save(opened);
        const half = halfExitedPosition(opened.id, opened.openedAt);
        repo.positions.save(half);
        expect(repo.positions.get(opened.id)).toStrictEqual(half);

        const closed = recordExit(half, {
          reason: 'sma_trail',
          quantity: quantity(55),
          price: price(48_100),
          commission: money(6_000),
          at: half.updatedAt + MINUTE,
        });
        repo.positions.save(closed);
        expect(repo.positions.get(opened.id)).toStrictEqual(closed);

        repo.positions.save(opened);
        expect(repo.positions.get(opened.id)).toStrictEqual(opened);
      });

      it('lists positions in the given statuses by opening time', () => {
        const later = openedPosition('pos-later', OPEN_AT + 30 * MINUTE, PLS);
        const earlier = openedPosition('pos-earlier', OPEN_AT + 10 * MINUTE);
        const half = halfExitedPosition('pos-half', OPEN_AT + 20 * MINUTE);
        const closed = positionWithExits('pos-closed');
        for (const p of [later, earlier, half, closed]) repo.positions.save(p);

        expect(repo.positions.withStatus(['open', 'half_exited'])).toStrictEqual([earlier, half, later]);
        expect(repo.positions.withStatus(['closed'])).toStrictEqual([closed]);
        expect(repo.positions.withStatus([])).toEqual([]);
        expect(repo.positions.get('pos-none')).toBeUndefined();
      });

      it('lists the positions closed at or after an instant, by opening time', () => {
        const closed = positionWithExits('pos-closed');
        const earlier = { ...positionWithExits('pos-closed-earlier'), openedAt: OPEN_AT };
        const open = openedPosition('pos-open', OPEN_AT + 10 * MINUTE);
        for (const p of [closed, earlier, open]) repo.positions.save(p);

        expect(repo.positions.closedSince(closed.updatedAt)).toStrictEqual([earlier, closed]);
        expect(repo.positions.closedSince(closed.updatedAt + 1)).toEqual([]);
        expect(repo.positions.closedSince(0).map((p) => p.id)).toEqual(['pos-closed-earlier', 'pos-closed']);
      });
    });

    describe('trades', () => {
      it('records a fill once: the same execution id again returns false and changes nothing', () => {
        const first = fill('0001f4e8.6870a1b2.01.01', OPEN_AT + 7 * MINUTE);
        expect(repo.trades.has(first.executionId)).toBe(false);
        expect(repo.trades.record(first)).toBe(true);
        expect(repo.trades.record(first)).toBe(false);
        expect(repo.trades.record({ ...first, quantity: quantity(999), at: OPEN_AT })).toBe(false);

        expect(repo.trades.has(first.executionId)).toBe(true);
        expect(repo.trades.forOrder(first.clientOrderId)).toStrictEqual([first]);
      });

      it('lists fills from one instant up to, not including, another, in time order', () => {
        const at = (minutes: number) => OPEN_AT + minutes * MINUTE;
        const before = fill('x-before', at(0) - 1);
        const first = fill('x-first', at(0));
        const second = fill('x-second', at(5), { side: 'SELL', instrument: PLS, price: price(1_235) });
        const atEnd = fill('x-end', at(10));
        for (const f of [atEnd, second, before, first]) repo.trades.record(f);

        expect(repo.trades.between(at(0), at(10))).toStrictEqual([first, second]);
        expect(repo.trades.between(at(10), at(10))).toEqual([]);
      });

      it('lists the fills of one order', () => {
        const other = clientOrderId('skim-20250714-PLS-entry-1');
        const mine = [fill('e-1', OPEN_AT + MINUTE), fill('e-2', OPEN_AT + 2 * MINUTE)];
        repo.trades.record(fill('e-3', OPEN_AT, { clientOrderId: other, instrument: PLS }));
        for (const f of mine) repo.trades.record(f);

        expect(repo.trades.forOrder(fill('any', 0).clientOrderId)).toStrictEqual(mine);
        expect(repo.trades.forOrder(clientOrderId('skim-unknown'))).toEqual([]);
      });
    });

    describe('kill switch trips', () => {
      it('keeps the first trip of a day and knows nothing of other days', () => {
        const day = localDate('2025-07-14');
        const first = { date: day, tripped: true, trippedAt: OPEN_AT, pnlAtTrip: money(-1_050_000) } as const;
        repo.killSwitches.recordTrip(first);
        repo.killSwitches.recordTrip({ ...first, trippedAt: OPEN_AT + MINUTE, pnlAtTrip: money(-2_000_000) });

        expect(repo.killSwitches.tripOn(day)).toStrictEqual(first);
        expect(repo.killSwitches.tripOn(localDate('2025-07-15'))).toBeUndefined();
      });
    });

    describe('order journal', () => {
      it('round-trips entries with every optional field present and absent', () => {
        expect(repo.journal.open(fullJournalEntry())).toBe(true);
        expect(repo.journal.open(minimalJournalEntry())).toBe(true);
        expect(repo.journal.get(fullJournalEntry().clientOrderId)).toStrictEqual(fullJournalEntry());
        expect(repo.journal.get(minimalJournalEntry().clientOrderId)).toStrictEqual(minimalJournalEntry());
      });

      it('refuses to open a client order id twice and keeps the first entry', () => {
        const first = minimalJournalEntry();
        repo.journal.open(first);
        expect(repo.journal.open({ ...first, state: 'submitting', filledQuantity: 3 })).toBe(false);
        expect(repo.journal.get(first.clientOrderId)).toStrictEqual(first);
      });

      it('refuses an entry whose intent names another client order id', () => {
        const entry = minimalJournalEntry();
        const mismatched = { ...entry, intent: { ...entry.intent, clientOrderId: clientOrderId('skim-other') } };
        expect(() => repo.journal.open(mismatched)).toThrow(InvalidValue);
        expect(repo.journal.all()).toEqual([]);
      });

      it('updates what happened to an order and keeps its intent and creation time', () => {
        const entry = minimalJournalEntry();
        repo.journal.open(entry);
        const at = entry.createdAt + 2 * MINUTE;
        const updated = repo.journal.update(
          entry.clientOrderId,
          { state: 'working', brokerOrderId: '987', filledQuantity: 10, lastError: 'retried' },
          at,
        );
        expect(updated).toStrictEqual({
          ...entry,
          state: 'working',
          brokerOrderId: '987',
          filledQuantity: 10,
          lastError: 'retried',
          updatedAt: at,
        });
        expect(repo.journal.get(entry.clientOrderId)).toStrictEqual(updated);
      });

      it('leaves a field unchanged when its change is absent or undefined', () => {
        const entry = fullJournalEntry();
        repo.journal.open(entry);
        const updated = repo.journal.update(
          entry.clientOrderId,
          { state: 'filled', brokerOrderId: undefined, lastError: undefined },
          entry.updatedAt + 1,
        );
        expect(updated).toStrictEqual({ ...entry, state: 'filled', updatedAt: entry.updatedAt + 1 });
      });

      it('throws JournalEntryNotFound when updating an id never journalled', () => {
        const missing = clientOrderId('skim-20250714-XYZ-entry-1');
        expect(() => repo.journal.update(missing, { state: 'working' }, OPEN_AT)).toThrow(JournalEntryNotFound);
        expect(repo.journal.get(missing)).toBeUndefined();
      });

      it('lists entries by creation time, all or only in some states', () => {
        const submitting = { ...minimalJournalEntry('skim-c', OPEN_AT + 2), state: 'submitting' as const };
        const intent = minimalJournalEntry('skim-a', OPEN_AT + 1);
        const filled = { ...fullJournalEntry('skim-b', OPEN_AT), state: 'filled' as const };
        for (const e of [submitting, intent, filled]) repo.journal.open(e);

        expect(repo.journal.inStates(['intent', 'submitting'])).toStrictEqual([intent, submitting]);
        expect(repo.journal.inStates(['filled'])).toStrictEqual([filled]);
        expect(repo.journal.inStates([])).toEqual([]);
        expect(repo.journal.all()).toStrictEqual([filled, intent, submitting]);
      });
    });

    describe('stored state is isolated from callers', () => {
      it('hands out copies that callers cannot change the store through', () => {
        repo.positions.save(positionWithExits());
        repo.journal.open(fullJournalEntry());
        const position = repo.positions.get('pos-pls');
        (position?.exits as PositionExit[] | undefined)?.pop();
        const entry = repo.journal.inStates(['partially_filled'])[0];
        if (entry) (entry as { state: string }).state = 'filled';

        expect(repo.positions.get('pos-pls')).toStrictEqual(positionWithExits());
        expect(repo.journal.get(fullJournalEntry().clientOrderId)).toStrictEqual(fullJournalEntry());
      });

      it('keeps what was saved when the caller later changes its own object', () => {
        const candidate = fullCandidate();
        repo.candidates.save(candidate);
        (candidate as { status: string }).status = 'rejected';
        const recorded = fill('e-mut', OPEN_AT);
        repo.trades.record(recorded);
        (recorded as { quantity: number }).quantity = 1;

        expect(repo.candidates.get(candidate.id)?.status).toBe('triggered');
        expect(repo.trades.forOrder(recorded.clientOrderId)[0]?.quantity).toBe(55);
      });
    });

    describe('transactions', () => {
      it("commits the work and returns the work's value", () => {
        const result = repo.transaction(() => {
          repo.positions.save(openedPosition());
          return repo.trades.record(fill('e-tx', OPEN_AT));
        });
        expect(result).toBe(true);
        expect(repo.positions.get('pos-bhp')).toStrictEqual(openedPosition());
        expect(repo.trades.has('e-tx')).toBe(true);
      });

      it('leaves nothing behind in any store when the work throws', () => {
        repo.candidates.save(minimalCandidate());
        const failure = new Error('broker answer could not be parsed');
        expect(() =>
          repo.transaction(() => {
            repo.candidates.save(fullCandidate());
            repo.candidates.save({ ...minimalCandidate(), status: 'expired' });
            repo.positions.save(openedPosition());
            repo.trades.record(fill('e-rolled-back', OPEN_AT));
            repo.journal.open(minimalJournalEntry());
            throw failure;
          }),
        ).toThrow(failure);

        expect(repo.candidates.forDate(DAY)).toStrictEqual([minimalCandidate()]);
        expect(repo.positions.withStatus(['open', 'half_exited', 'closed'])).toEqual([]);
        expect(repo.trades.has('e-rolled-back')).toBe(false);
        expect(repo.journal.all()).toEqual([]);
      });

      it('rolls back a journal update made inside a failed transaction', () => {
        const entry = minimalJournalEntry();
        repo.journal.open(entry);
        expect(() =>
          repo.transaction(() => {
            repo.journal.update(entry.clientOrderId, { state: 'submitting' }, OPEN_AT + 1);
            throw new Error('crash before sending');
          }),
        ).toThrow('crash before sending');
        expect(repo.journal.get(entry.clientOrderId)).toStrictEqual(entry);
      });

      it('undoes only the inner part when a nested transaction fails and the outer one goes on', () => {
        repo.transaction(() => {
          repo.trades.record(fill('e-outer', OPEN_AT));
          try {
            repo.transaction(() => {
              repo.trades.record(fill('e-inner', OPEN_AT + 1));
              throw new Error('inner step failed');
            });
          } catch {
            repo.trades.record(fill('e-after', OPEN_AT + 2));
          }
        });
        expect(repo.trades.between(OPEN_AT, OPEN_AT + MINUTE).map((f) => f.executionId)).toEqual([
          'e-outer',
          'e-after',
        ]);
      });

      it('undoes a nested transaction that succeeded when the outer one fails', () => {
        repo.positions.save(openedPosition());
        const half = halfExitedPosition('pos-bhp', OPEN_AT);
        expect(() =>
          repo.transaction(() => {
            repo.transaction(() => {
              repo.positions.save(half);
              repo.trades.record(fill('e-inner-kept', OPEN_AT + 1));
            });
            repo.trades.record(fill('e-outer', OPEN_AT + 2));
            throw new Error('outer step failed');
          }),
        ).toThrow('outer step failed');
        expect(repo.positions.get('pos-bhp')).toStrictEqual(openedPosition());
        expect(repo.trades.has('e-inner-kept')).toBe(false);
        expect(repo.trades.has('e-outer')).toBe(false);
      });

      it('refuses asynchronous work, which would commit before its awaits, and rolls it back', () => {
        expect(() =>
          repo.transaction(() => {
            repo.candidates.save(fullCandidate());
            return Promise.resolve();
          }),
        ).toThrow(/synchronous/);
        expect(repo.candidates.get(fullCandidate().id)).toBeUndefined();
      });
    });
  });
}
