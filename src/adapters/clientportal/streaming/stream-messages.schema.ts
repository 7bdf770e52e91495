import { z } from 'zod';
import { wholeNumber } from '../schemas/common.schema.js';

const fieldValue = z.union([z.string(), z.number()]).optional();

/** `{"topic":"system", …}`: `success` (the user name) after authentication, `hb` heartbeats. */
export const systemMessageSchema = z.object({
  topic: z.literal('system'),
  success: z.string().optional(),
  hb: z.number().optional(),
  isPaper: z.boolean().optional(),
});

/** `{"topic":"sts","args":{"authenticated":false}}` when the brokerage session drops (and `true` when back). */
export const sessionStatusMessageSchema = z.object({
  topic: z.literal('sts'),
  args: z.object({
    authenticated: z.boolean(),
    competing: z.boolean().optional(),
    message: z.string().optional(),
  }),
});

/** `{"topic":"smd+<conid>", "31": "45.20", "_updated": …}`: only the fields that changed. */
export const marketDataMessageSchema = z.object({
  topic: z.string().regex(/^smd\+\d+$/, 'expected smd+<conid>'),
  conid: wholeNumber.optional(),
  _updated: wholeNumber.optional(),
  '31': fieldValue,
  '70': fieldValue,
  '71': fieldValue,
  '84': fieldValue,
  '86': fieldValue,
  '87': fieldValue,
  '7059': fieldValue,
  '7295': fieldValue,
  '7296': fieldValue,
  '7741': fieldValue,
  '7762': fieldValue,
  '6509': fieldValue,
});

export type MarketDataMessage = z.output<typeof marketDataMessageSchema>;

/** `sor` (live orders) and `str` (executions): a list of objects, each validated on its own. */
export const listMessageSchema = z.object({
  topic: z.enum(['sor', 'str']),
  args: z.array(z.record(z.string(), z.unknown())),
});

/** Topics the gateway sends that Skim has no use for. */
export const IGNORED_TOPICS: ReadonlySet<string> = new Set(['tic', 'act', 'blt', 'ntf', 'spl']);
