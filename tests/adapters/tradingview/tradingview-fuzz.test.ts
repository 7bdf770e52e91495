import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TradingViewPayloadError } from '../../../src/adapters/tradingview/tradingview-payload.error.js';
import {
  parseTradingViewScan,
  type TradingViewScan,
} from '../../../src/adapters/tradingview/tradingview-scan.parser.js';
import { isOnTick } from '../../../src/domain/values/tick-size.js';

const morning = JSON.parse(
  readFileSync(new URL('../../fixtures/mornings/2025-06-10/tradingview.json', import.meta.url), 'utf8'),
) as { totalCount: number; data: { s: string; d: unknown[] }[] };

/** Parses, and fails the property if anything other than a TradingViewPayloadError escapes. */
function parseOrTypedError(raw: string): TradingViewScan | TradingViewPayloadError {
  try {
    return parseTradingViewScan(raw);
  } catch (error) {
    if (error instanceof TradingViewPayloadError) return error;
    throw error;
  }
}

function checkResults(outcome: TradingViewScan | TradingViewPayloadError): void {
  if (outcome instanceof TradingViewPayloadError) return;
  const symbols = outcome.results.map((r) => r.symbol);
  expect(new Set(symbols).size).toBe(symbols.length);
  for (const result of outcome.results) {
    expect(Number.isFinite(result.gapPct)).toBe(true);
    expect(result.symbol).toMatch(/^[A-Z0-9]{3,6}$/);
    for (const p of [result.last, result.open, result.previousClose])
      if (p !== undefined) expect(isOnTick(p)).toBe(true);
  }
  for (const issue of outcome.issues) expect(issue.row).toBeLessThan(outcome.rowCount);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), row: fc.nat(), cell: fc.nat(), value: fc.jsonValue() }),
  fc.record({ kind: fc.constant('ticker' as const), row: fc.nat(), value: fc.oneof(fc.string(), fc.jsonValue()) }),
  fc.record({ kind: fc.constant('truncate' as const), row: fc.nat(), length: fc.nat({ max: 14 }) }),
  fc.record({ kind: fc.constant('replace' as const), row: fc.nat(), value: fc.jsonValue() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(rows: readonly unknown[], change: Mutation): unknown[] {
  const copy = structuredClone(rows) as unknown[];
  const index = change.row % copy.length;
  if (change.kind === 'replace') {
    copy[index] = change.value;
    return copy;
  }
  const target = copy[index];
  if (typeof target !== 'object' || target === null || !('d' in target) || !Array.isArray(target.d)) return copy;
  const cells = target.d as unknown[];
  if (change.kind === 'cell' && cells.length > 0) cells[change.cell % cells.length] = change.value;
  if (change.kind === 'ticker') Object.assign(target, { s: change.value });
  if (change.kind === 'truncate') Object.assign(target, { d: cells.slice(0, change.length) });
  return copy;
}

describe('parseTradingViewScan under fuzzing', () => {
  it('returns a result or a typed error for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkResults(parseOrTypedError(JSON.stringify(value)));
      }),
      {
        numRuns: 500,
      },
    );
  });

  it('returns a result or a typed error for any string', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        checkResults(parseOrTypedError(text));
      }),
      { numRuns: 500 },
    );
  });

  it('survives any mix of mutated rows of a real morning', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (changes) => {
        const rows = changes.reduce<unknown[]>((data, change) => mutate(data, change), morning.data);
        const outcome = parseOrTypedError(JSON.stringify({ totalCount: rows.length, data: rows }));
        expect(outcome).not.toBeInstanceOf(TradingViewPayloadError);
        checkResults(outcome);
      }),
      { numRuns: 400 },
    );
  });

  it('survives rows made of arbitrary values in the envelope', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            s: fc.oneof(fc.constantFrom('ASX:ABC', 'ASX:1AE', 'CHIXA:ABC'), fc.string()),
            d: fc.array(fc.jsonValue(), { maxLength: 14 }),
          }),
        ),
        (rows) => {
          checkResults(parseOrTypedError(JSON.stringify({ data: rows })));
        },
      ),
      { numRuns: 300 },
    );
  });
});
