import { z } from 'zod';
import { decimal, wholeNumber } from './common.schema.js';

const fieldValue = z.union([z.string(), z.number()]).optional();

/** One conid's answer in `/iserver/marketdata/snapshot`; field ids as keys, values mostly strings. */
export const snapshotEntrySchema = z.object({
  conid: wholeNumber,
  _updated: wholeNumber.optional(),
  '31': fieldValue,
  '55': fieldValue,
  '70': fieldValue,
  '71': fieldValue,
  '84': fieldValue,
  '86': fieldValue,
  '87': fieldValue,
  '7295': fieldValue,
  '7296': fieldValue,
  '7741': fieldValue,
  '7762': fieldValue,
  '6509': fieldValue,
});

export type SnapshotEntry = z.output<typeof snapshotEntrySchema>;

export const snapshotSchema = z.array(snapshotEntrySchema);

export const historyBarSchema = z.object({
  o: decimal,
  h: decimal,
  l: decimal,
  c: decimal,
  v: decimal,
  t: wholeNumber,
});

export type HistoryBar = z.output<typeof historyBarSchema>;

/** `/iserver/marketdata/history`. */
export const historySchema = z.object({
  symbol: z.string().optional(),
  mdAvailability: z.string().optional(),
  volumeFactor: z.number().optional(),
  data: z.array(historyBarSchema).default([]),
});
