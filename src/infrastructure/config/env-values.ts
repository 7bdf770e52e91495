import type { EnvKind } from './env-variables.js';

export type EnvValue =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const TRUE_WORDS = new Set(['true', '1', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'no']);
const OPEN_ENDED_TIER = new Set(['', '*']);

const ok = (value: unknown): EnvValue => ({ ok: true, value });
const fail = (message: string): EnvValue => ({ ok: false, message });

/**
 * Turns an environment variable's text into the value the config file would hold at the same place.
 * Range and meaning are checked later by the schema; here only the form is.
 */
export function parseEnvValue(kind: EnvKind, raw: string): EnvValue {
  const text = raw.trim();
  switch (kind) {
    case 'verbatim':
      return ok(raw);
    case 'text':
    case 'dollars':
      return ok(text);
    case 'number':
      return NUMBER.test(text) ? ok(Number(text)) : fail(`expected a number, got ${JSON.stringify(raw)}`);
    case 'integer':
      return INTEGER.test(text) ? ok(Number(text)) : fail(`expected a whole number, got ${JSON.stringify(raw)}`);
    case 'boolean':
      return parseBoolean(raw);
    case 'list':
      return ok(splitList(text));
    case 'tiers':
      return parseTiers(text);
  }
}

function parseBoolean(raw: string): EnvValue {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(`expected true/false, 1/0 or yes/no, got ${JSON.stringify(raw)}`);
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** "10000000:8,50000000:5,*:2" -> [{upToMonthlyDollars: "10000000", rateBps: 8}, ..., {upToMonthlyDollars: null, ...}] */
function parseTiers(text: string): EnvValue {
  const tiers: { upToMonthlyDollars: string | null; rateBps: number }[] = [];
  for (const item of splitList(text)) {
    const [limit = '', rate = '', ...extra] = item.split(':').map((part) => part.trim());
    if (extra.length > 0 || !NUMBER.test(rate)) {
      return fail(
        `expected tiers as "upToDollars:bps" separated by commas, the last "*:bps", got ${JSON.stringify(item)}`,
      );
    }
    tiers.push({ upToMonthlyDollars: OPEN_ENDED_TIER.has(limit) ? null : limit, rateBps: Number(rate) });
  }
  return ok(tiers);
}
