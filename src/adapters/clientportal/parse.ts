import type { z } from 'zod';
import { DomainError } from '../../domain/errors/domain-error.js';
import { UnexpectedResponse } from './errors/unexpected-response.error.js';

/** Validates a gateway answer against its schema; a mismatch names the endpoint and the field path. */
export function parseResponse<S extends z.ZodType>(endpoint: string, schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = deepestIssue(result.error.issues);
  throw new UnexpectedResponse(endpoint, formatPath(issue?.path ?? []), issue?.message ?? 'invalid');
}

/**
 * The issue that names the most specific field. When no alternative of a union matched, the one that got
 * furthest into the value is the one the gateway most likely meant, so its field is the one to blame.
 */
function deepestIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | undefined {
  let deepest: z.core.$ZodIssue | undefined;
  for (const issue of issues) {
    const candidate =
      issue.code === 'invalid_union' ? (withPrefix(issue.path, deepestIssue(issue.errors.flat())) ?? issue) : issue;
    if (deepest === undefined || candidate.path.length > deepest.path.length) deepest = candidate;
  }
  return deepest;
}

function withPrefix(prefix: readonly PropertyKey[], issue: z.core.$ZodIssue | undefined): z.core.$ZodIssue | undefined {
  return issue === undefined ? undefined : { ...issue, path: [...prefix, ...issue.path] };
}

/** `["orders", 0, "status"]` → `orders[0].status`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/**
 * Where a value sits in a gateway answer, so that a mapper turning it into a domain type can blame the
 * exact field when the value does not fit (an off-tick price, a fractional share count, …).
 */
export class Located {
  constructor(
    readonly endpoint: string,
    readonly path: string,
  ) {}

  static root(endpoint: string): Located {
    return new Located(endpoint, '');
  }

  at(key: string | number): Located {
    if (typeof key === 'number') return new Located(this.endpoint, `${this.path}[${key}]`);
    return new Located(this.endpoint, this.path === '' ? key : `${this.path}.${key}`);
  }

  /** Runs a conversion; a domain validation error becomes an UnexpectedResponse naming this field. */
  convert<T>(conversion: () => T): T {
    try {
      return conversion();
    } catch (error) {
      if (error instanceof UnexpectedResponse) throw error;
      if (error instanceof DomainError) throw this.error(error.message);
      throw error;
    }
  }

  error(detail: string): UnexpectedResponse {
    return new UnexpectedResponse(this.endpoint, this.path, detail);
  }
}
