import { z } from 'zod';
import { parsePrice, priceFromNumber, type Price } from '../../../domain/values/price.js';
import type { FaultPlan } from '../faults/fault-plan.js';

/** A price as "45.20" or 45.2; must be on an ASX tick. */
const price = z
  .union([z.string(), z.number()])
  .transform((value): Price => (typeof value === 'string' ? parsePrice(value) : priceFromNumber(value)));

/** An instant as epoch milliseconds or an ISO-8601 text. */
const instant = z.union([
  z.number().int(),
  z
    .string()
    .refine((text) => !Number.isNaN(Date.parse(text)), 'expected an ISO-8601 instant')
    .transform((text) => Date.parse(text)),
]);

export const barsRequestSchema = z.object({
  symbol: z.string(),
  size: z.enum(['1min', '1d']).default('1min'),
  /** false: only add the bars to the history (nothing trades on them). */
  trade: z.boolean().default(true),
  bars: z.array(
    z.object({
      start: instant,
      open: price,
      high: price,
      low: price,
      close: price,
      volume: z.number().int().nonnegative(),
    }),
  ),
});

export const quoteRequestSchema = z.object({
  symbol: z.string(),
  at: instant.optional(),
  last: price.optional(),
  bid: price.optional(),
  ask: price.optional(),
});

export const instantRequestSchema = z.object({ at: instant.optional() }).default({});

const pattern = z.string();
const count = z.number().int().nonnegative();

export const faultPlanSchema: z.ZodType<FaultPlan> = z.object({
  sessionExpired: z.boolean().optional(),
  sessionExpiresOn: z.array(z.object({ match: pattern, times: count.optional() })).optional(),
  competingSession: z.boolean().optional(),
  reauthenticationFails: z.boolean().optional(),
  enforcePacing: z.boolean().optional(),
  rateLimitNext: count.optional(),
  rateLimits: z.array(z.object({ match: pattern, times: count.optional() })).optional(),
  serverErrors: z
    .array(z.object({ match: pattern, status: z.number().int().optional(), times: count.optional() }))
    .optional(),
  latency: z
    .array(
      z.object({
        match: pattern.optional(),
        ms: z.number().nonnegative(),
        when: z.enum(['before', 'after']).optional(),
      }),
    )
    .optional(),
  delays: z
    .array(
      z.object({
        match: pattern,
        ms: z.number().nonnegative(),
        when: z.enum(['before', 'after']).optional(),
        times: count.optional(),
      }),
    )
    .optional(),
  dropConnections: z
    .array(z.object({ match: pattern, when: z.enum(['before', 'after']).optional(), times: count.optional() }))
    .optional(),
  dropAfterOrderAccepted: count.optional(),
  rejectOrders: z.array(z.string()).optional(),
  questionsBeforeNextOrder: z.array(z.object({ messageId: z.string(), message: z.string() })).optional(),
});
