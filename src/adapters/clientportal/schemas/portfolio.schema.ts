import { z } from 'zod';
import { decimal, optionalDecimal, wholeNumber } from './common.schema.js';

/** One row of `/portfolio/{accountId}/positions/{page}`. */
export const positionRowSchema = z.object({
  conid: wholeNumber,
  contractDesc: z.string().nullish(),
  ticker: z.string().nullish(),
  position: decimal,
  avgCost: optionalDecimal,
  avgPrice: optionalDecimal,
  currency: z.string().nullish(),
  assetClass: z.string().nullish(),
});

export type PositionRow = z.output<typeof positionRowSchema>;

export const positionsPageSchema = z.array(positionRowSchema);

const amount = z.object({ amount: decimal, currency: z.string().nullish() });

/** `/portfolio/{accountId}/summary` (only the figures Skim reads). */
export const accountSummarySchema = z.object({
  netliquidation: amount,
  availablefunds: amount,
  totalcashvalue: amount,
});

export type AccountSummaryBody = z.output<typeof accountSummarySchema>;
