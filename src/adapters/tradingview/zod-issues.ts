import type { z } from 'zod';

/** "close: expected number, received string; gap: ..." — every problem zod found, each with its field. */
export function describeZodIssues(error: z.ZodError, fieldNames?: readonly string[]): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((key) => (typeof key === 'number' && fieldNames ? (fieldNames[key] ?? key) : key));
      return `${path.length === 0 ? '(whole value)' : path.join('.')}: ${issue.message}`;
    })
    .join('; ');
}
