import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { segmentsOf } from '../http/router.js';
import type { RequestPattern } from './fault-plan.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

/** A parsed RequestPattern. */
export class RequestMatcher {
  private constructor(
    readonly text: string,
    private readonly method: string | undefined,
    private readonly segments: readonly string[],
  ) {}

  static parse(pattern: RequestPattern): RequestMatcher {
    const parts = pattern.trim().split(/\s+/);
    const [first = '', second] = parts;
    const method = second === undefined ? undefined : first.toUpperCase();
    const path = second ?? first;
    if (parts.length > 2 || (method !== undefined && !METHODS.has(method)) || !path.startsWith('/')) {
      throw new InvalidValue('request pattern', pattern, 'expected "/path" or "METHOD /path", * for one segment');
    }
    const segments = segmentsOf(path);
    if (segments.slice(0, -1).includes('**')) {
      throw new InvalidValue('request pattern', pattern, '** may only end a pattern');
    }
    return new RequestMatcher(pattern, method, segments);
  }

  /** Matches everything. */
  static any(): RequestMatcher {
    return new RequestMatcher('/**', undefined, ['**']);
  }

  matches(method: string, path: string): boolean {
    if (this.method !== undefined && this.method !== method.toUpperCase()) return false;
    const actual = segmentsOf(path);
    for (const [index, part] of this.segments.entries()) {
      if (part === '**') return true;
      const segment = actual[index];
      if (segment === undefined || (part !== '*' && part !== segment)) return false;
    }
    return actual.length === this.segments.length;
  }
}
