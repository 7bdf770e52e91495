export const SCRUBBED = '[redacted]';
export const TOO_DEEP = '[too deep to log]';

/** Shorter "secrets" would scrub ordinary words; configured secrets are URLs and long tokens. */
const MIN_SECRET_LENGTH = 8;
const MAX_DEPTH = 12;

export type Scrubber = <T>(value: T) => T;

/**
 * Returns a function that copies a value replacing every occurrence of the given secret values in its
 * strings, at any depth, errors included. The original is never modified; cycles are kept as cycles of
 * the copy, and anything nested deeper than can be checked is dropped rather than passed on unchecked.
 */
export function createSecretScrubber(secrets: readonly string[]): Scrubber {
  const needles = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (value) => value;

  const scrubText = (text: string): string => needles.reduce((out, needle) => out.split(needle).join(SCRUBBED), text);

  const visit = (value: unknown, depth: number, copies: Map<object, unknown>): unknown => {
    if (typeof value === 'string') return scrubText(value);
    if (typeof value !== 'object' || value === null) return value;
    if (copies.has(value)) return copies.get(value);
    if (depth > MAX_DEPTH) return TOO_DEEP;
    const next = (child: unknown): unknown => visit(child, depth + 1, copies);
    if (hasToJson(value) && !(value instanceof Error)) return next(value.toJSON());
    if (value instanceof Error) return copyError(value, copies, next);
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    copies.set(value, copy);
    for (const [key, child] of Object.entries(value)) (copy as Record<string, unknown>)[key] = next(child);
    return copy;
  };

  return <T>(value: T): T => visit(value, 0, new Map()) as T;
}

function hasToJson(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** A copy with the same prototype, so it still serialises as an error of the same type. */
function copyError(error: Error, copies: Map<object, unknown>, scrub: (value: unknown) => unknown): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  copies.set(error, copy);
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined) continue;
    if ('value' in descriptor) descriptor.value = scrub(descriptor.value);
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}
