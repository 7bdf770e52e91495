import { z } from 'zod';

/** A whole number sent as a JSON number or as a string of digits ("265598" or 265598). */
export const wholeNumber = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'expected a whole number')
    .transform(Number),
]);

/**
 * A decimal sent as a JSON number or a string ("45.20", "1,234.5"). Kept as sent: mappers turn strings into
 * mills exactly, without passing through a binary float.
 */
export const decimal = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?[\d,]*\d(\.\d+)?$/, 'expected a decimal number'),
]);

export type Decimal = z.output<typeof decimal>;

/** A decimal that the gateway leaves empty ("" or null) when it has none. */
export const optionalDecimal = z
  .union([decimal, z.literal(''), z.null()])
  .optional()
  .transform((value) => (value === '' || value === null ? undefined : value));

/** `{"error": "…"}`: the gateway's way of refusing inside an HTTP 200. */
export const gatewayError = z.object({ error: z.string() });

/** An answer whose content Skim does not use; only its arrival matters. */
export const ignoredBody = z.unknown();
