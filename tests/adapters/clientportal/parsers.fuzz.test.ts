import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBar } from '../../../src/adapters/clientportal/mappers/bar.mapper.js';
import { toFill } from '../../../src/adapters/clientportal/mappers/fill.mapper.js';
import { fromLiveOrder } from '../../../src/adapters/clientportal/mappers/order.mapper.js';
import { toAccountSummary, toPosition } from '../../../src/adapters/clientportal/mappers/portfolio.mapper.js';
import { toQuote } from '../../../src/adapters/clientportal/mappers/quote.mapper.js';
import { Located, parseResponse } from '../../../src/adapters/clientportal/parse.js';
import { historySchema, snapshotSchema } from '../../../src/adapters/clientportal/schemas/market-data.schema.js';
import { liveOrdersSchema, tradesSchema } from '../../../src/adapters/clientportal/schemas/orders.schema.js';
import {
  accountSummarySchema,
  positionsPageSchema,
} from '../../../src/adapters/clientportal/schemas/portfolio.schema.js';
import { DomainError } from '../../../src/domain/errors/domain-error.js';
import { instrument } from '../../../src/domain/values/instrument.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/clientportal/${name}.json`, import.meta.url), 'utf8'));

const BHP = instrument('BHP', 4036818);

/** Each Client Portal answer Skim reads, from raw body to domain values, as the adapter does it. */
const PIPELINES: Readonly<Record<string, { fixture: string; run: (body: unknown) => unknown }>> = {
  snapshot: {
    fixture: 'snapshot-values',
    run: (body) =>
      parseResponse('snapshot', snapshotSchema, body).map((entry, i) =>
        toQuote(entry, BHP, 0, Located.root('snapshot').at(i)),
      ),
  },
  history: {
    fixture: 'history-1min',
    run: (body) => {
      const history = parseResponse('history', historySchema, body);
      return history.data.map((bar, i) => toBar(bar, history.volumeFactor ?? 1, Located.root('history').at(i)));
    },
  },
  liveOrders: {
    fixture: 'live-orders',
    run: (body) =>
      parseResponse('orders', liveOrdersSchema, body).orders.map((order, i) =>
        fromLiveOrder(order, 0, Located.root('orders').at(i)),
      ),
  },
  trades: {
    fixture: 'trades',
    run: (body) => parseResponse('trades', tradesSchema, body).map((t, i) => toFill(t, Located.root('trades').at(i))),
  },
  positions: {
    fixture: 'positions-page0',
    run: (body) =>
      parseResponse('positions', positionsPageSchema, body).map((row, i) =>
        toPosition(row, Located.root('positions').at(i)),
      ),
  },
  summary: {
    fixture: 'account-summary',
    run: (body) =>
      toAccountSummary('DU1234567', parseResponse('summary', accountSummarySchema, body), Located.root('summary')),
  },
};

/** A copy of `value` with the node at a random path replaced by `replacement`. */
function mutate(value: unknown, choose: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (Array.isArray(node))
      node.forEach((child, i) => {
        walk(child, [...path, i]);
      });
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    }
  };
  walk(value, []);
  const target = paths[choose % paths.length] ?? [];
  if (target.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of target.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[target[target.length - 1] as string | number] = replacement;
  return copy;
}

/** Runs a pipeline; anything it throws must be one of Skim's typed errors. */
function typedOutcome(run: () => unknown): 'ok' | 'typed-error' {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return 'typed-error';
    throw error;
  }
}

describe('Client Portal parsers under fuzzing', () => {
  for (const [name, pipeline] of Object.entries(PIPELINES)) {
    it(`${name}: the recorded answer parses`, () => {
      expect(typedOutcome(() => pipeline.run(fixture(pipeline.fixture)))).toBe('ok');
    });

    it(`${name}: any JSON value gives a result or a typed error`, () => {
      fc.assert(
        fc.property(fc.jsonValue(), (body) => {
          typedOutcome(() => pipeline.run(body));
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: the recorded answer with one field mutated gives a result or a typed error`, () => {
      const original = fixture(pipeline.fixture);
      fc.assert(
        fc.property(
          fc.nat(),
          fc.oneof(fc.jsonValue(), fc.string(), fc.double(), fc.constant(undefined)),
          (at, value) => {
            typedOutcome(() => pipeline.run(mutate(original, at, value)));
          },
        ),
        { numRuns: 500 },
      );
    });
  }
});
