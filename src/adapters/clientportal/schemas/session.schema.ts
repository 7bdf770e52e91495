import { z } from 'zod';

/** `/iserver/auth/status`, also nested in `/tickle` as `iserver.authStatus`. */
export const authStatusSchema = z.object({
  authenticated: z.boolean(),
  competing: z.boolean().default(false),
  connected: z.boolean().optional(),
  message: z.string().nullish(),
  fail: z.string().nullish(),
});

export type AuthStatusBody = z.output<typeof authStatusSchema>;

export const tickleSchema = z.object({
  session: z.string().optional(),
  iserver: z.object({ authStatus: authStatusSchema.optional() }).optional(),
});

export const reauthenticateSchema = z.object({ message: z.string().optional() }).optional();
