import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseStreamFrame,
  type StreamFrame,
} from '../../../../src/adapters/clientportal/streaming/stream-frame.parser.js';
import { StreamedOrders } from '../../../../src/adapters/clientportal/streaming/streamed-orders.js';
import { StreamedQuotes } from '../../../../src/adapters/clientportal/streaming/streamed-quotes.js';
import { DomainError } from '../../../../src/domain/errors/domain-error.js';
import { instrument } from '../../../../src/domain/values/instrument.js';

const BHP = instrument('BHP', 8644);
const KINDS = new Set<StreamFrame['kind']>([
  'system',
  'session',
  'market-data',
  'orders',
  'trades',
  'ignored',
  'unknown',
  'malformed',
]);
/** The snapshot fields a `smd` frame may carry, as the gateway sends them. */
const FIELDS = ['31', '70', '71', '84', '86', '87', '7059', '7295', '7296', '7741', '7762', '6509'];

const fixture = (name: string): Record<string, unknown>[] => {
  const body = JSON.parse(
    readFileSync(new URL(`../../../fixtures/clientportal/${name}.json`, import.meta.url), 'utf8'),
  ) as unknown;
  const list = Array.isArray(body) ? body : (body as { orders: unknown[] }).orders;
  return list as Record<string, unknown>[];
};

/** A value as the gateway might send it in a field: a price with or without a prefix, a number, junk. */
const fieldValue = fc.oneof(
  fc.constantFrom('45.20', 'C45.20', 'H45.20', '1,234', '', '-', 'N/A', '45.2K', '1.5M', '0', '-1', '1e309'),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer(),
);

const marketDataText = fc
  .record({ fields: fc.dictionary(fc.constantFrom(...FIELDS), fieldValue), updated: fc.option(fc.nat()) })
  .map(({ fields, updated }) =>
    JSON.stringify({ topic: 'smd+8644', ...(updated === null ? {} : { _updated: updated }), ...fields }),
  );

describe('gateway WebSocket frames under fuzzing', () => {
  it('any text is classified, never thrown on', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.record({ topic: fc.string(), args: fc.jsonValue() }).map((value) => JSON.stringify(value)),
          marketDataText,
        ),
        (text) => {
          expect(KINDS.has(parseStreamFrame(text).kind)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('market data updates, one after another, map to a quote or a typed error, and a refused one changes nothing', () => {
    fc.assert(
      fc.property(fc.array(marketDataText, { minLength: 1, maxLength: 6 }), (texts) => {
        const quotes = new StreamedQuotes();
        let last: unknown;
        for (const text of texts) {
          const frame = parseStreamFrame(text);
          if (frame.kind !== 'market-data') continue;
          try {
            last = quotes.apply(BHP, frame.message, 1_000);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            // The merged state is left as it was: the same update is refused again, not half taken.
            expect(() => quotes.apply(BHP, frame.message, 1_000)).toThrow(DomainError);
          }
        }
        if (last !== undefined) expect(last).toHaveProperty('quote.instrument', BHP);
      }),
      { numRuns: 300 },
    );
  });

  it('order and execution updates with fields changed or junk give items or problems, never a throw', () => {
    const orders = fixture('live-orders');
    const trades = fixture('trades');
    const mutated = (records: Record<string, unknown>[]) =>
      fc.array(
        fc.oneof(
          fc.constantFrom(...records),
          fc
            .tuple(fc.constantFrom(...records), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
            .map(([record, key, value]) => {
              const keys = Object.keys(record);
              const field = keys[key.length % keys.length] ?? key;
              return { ...record, [field]: value };
            }),
          fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 })),
        ),
        { maxLength: 5 },
      );
    fc.assert(
      fc.property(mutated(orders), mutated(trades), (orderItems, tradeItems) => {
        const streamed = new StreamedOrders();
        const updates = streamed.orderUpdates(orderItems, 1_000);
        expect(updates.items.length + updates.problems.length).toBeLessThanOrEqual(orderItems.length);
        const fills = streamed.fills(tradeItems);
        expect(fills.items.length + fills.problems.length).toBeLessThanOrEqual(tradeItems.length);
        for (const problem of [...updates.problems, ...fills.problems]) expect(problem).toMatch(/^args\[\d+\]/);
      }),
      { numRuns: 300 },
    );
  });
});
