import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnexpectedResponse } from '../../../../src/adapters/clientportal/errors/unexpected-response.error.js';
import { parseIbkrScan, type IbkrScan } from '../../../../src/adapters/clientportal/scanner/ibkr-scan.parser.js';
import { morningRun } from './scanner-harness.js';

/** Parses, and fails the property if anything other than an UnexpectedResponse escapes. */
function parseOrTypedError(raw: string): IbkrScan | UnexpectedResponse {
  try {
    return parseIbkrScan(raw);
  } catch (error) {
    if (error instanceof UnexpectedResponse) return error;
    throw error;
  }
}

function checkOutcome(outcome: IbkrScan | UnexpectedResponse): void {
  if (outcome instanceof UnexpectedResponse) {
    expect(outcome.endpoint).toBe('POST /iserver/scanner/run');
    return;
  }
  expect(outcome.results.length + outcome.issues.length).toBe(outcome.rowCount);
  for (const result of outcome.results) {
    expect(result.symbol).toMatch(/^[A-Z0-9]{3,6}$/);
    expect(Number.isFinite(result.gapPct)).toBe(true);
    expect(result.source).toBe('ibkr-scanner');
  }
  for (const issue of outcome.issues) {
    expect(issue.row).toBeLessThan(outcome.rowCount);
    expect(issue.problem).not.toBe('');
  }
}

const contracts = morningRun().contracts as Record<string, unknown>[];
const FIELDS = ['con_id', 'symbol', 'company_name', 'scan_data'] as const;

/** A real row, a real row with some fields overwritten or left out, or any JSON value at all. */
const row = fc.oneof(
  fc.constantFrom(...contracts),
  fc
    .tuple(
      fc.constantFrom(...contracts),
      fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.string(), fc.jsonValue())),
    )
    .map(([base, changes]) => ({ ...base, ...changes })),
  fc
    .tuple(fc.constantFrom(...contracts), fc.subarray([...FIELDS], { minLength: 1 }))
    .map(([base, dropped]) =>
      Object.fromEntries(Object.entries(base).filter(([key]) => !(dropped as readonly string[]).includes(key))),
    ),
  fc.jsonValue(),
);

describe('parseIbkrScan under fuzzing', () => {
  it('returns a result or a typed error for any string', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        checkOutcome(parseOrTypedError(text));
      }),
      { numRuns: 500 },
    );
  });

  it('returns a result or a typed error for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkOutcome(parseOrTypedError(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('returns a result or a typed error for envelopes of arbitrary rows and fields', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            contracts: fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue()),
            scan_data_column_name: fc.jsonValue(),
            error: fc.oneof(fc.string(), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
        (envelope) => {
          checkOutcome(parseOrTypedError(JSON.stringify(envelope)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never fails a whole answer over damaged rows of a real morning', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const outcome = parseOrTypedError(JSON.stringify({ contracts: rows, scan_data_column_name: 'Gap%' }));
        expect(outcome).not.toBeInstanceOf(UnexpectedResponse);
        checkOutcome(outcome);
      }),
      { numRuns: 400 },
    );
  });
});
