import { z } from 'zod';
import { gatewayError, wholeNumber } from './common.schema.js';

export const secdefMatchSchema = z.object({
  conid: wholeNumber,
  symbol: z.string().nullish(),
  companyHeader: z.string().nullish(),
  companyName: z.string().nullish(),
  description: z.string().nullish(),
  sections: z.array(z.object({ secType: z.string(), exchange: z.string().nullish() })).default([]),
});

export type SecdefMatch = z.output<typeof secdefMatchSchema>;

/** `/iserver/secdef/search`: the listings matching a symbol, or `{"error": …}` when there are none. */
export const secdefSearchSchema = z.union([z.array(secdefMatchSchema), gatewayError]);

/** `/iserver/contract/{conid}/info`. */
export const contractInfoSchema = z.object({
  con_id: wholeNumber,
  symbol: z.string(),
  exchange: z.string(),
  currency: z.string(),
  company_name: z.string().nullish(),
  instrument_type: z.string().nullish(),
});
