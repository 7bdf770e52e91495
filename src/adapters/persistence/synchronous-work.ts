/**
 * Runs the body of a repository transaction. Both repositories commit when the body returns, so an
 * async body would commit before its awaited writes happen; it is refused (and rolled back) instead.
 */
export function runSynchronously<T>(work: () => T): T {
  const result = work();
  if (isThenable(result)) {
    throw new TypeError('repository transaction work must be synchronous: it returned a promise');
  }
  return result;
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
