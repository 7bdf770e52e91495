import { request, type Dispatcher } from 'undici';

/** What one IBeam health endpoint said: its HTTP status, or why it could not be asked. */
export type ProbeResult =
  { readonly answered: true; readonly status: number } | { readonly answered: false; readonly reason: string };

/**
 * Asks one endpoint of IBeam's health server (plain HTTP) within `timeoutMs`, body included. Never
 * throws: a server that is down, slow or refusing is an answer about IBeam's health, not a failure.
 */
export async function probe(url: string, dispatcher: Dispatcher, timeoutMs: number): Promise<ProbeResult> {
  try {
    const response = await request(url, {
      dispatcher,
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body says nothing the status does not; it is read only to free the connection.
    await response.body.dump();
    return { answered: true, status: response.statusCode };
  } catch (error) {
    return { answered: false, reason: describe(error, timeoutMs) };
  }
}

function describe(error: unknown, timeoutMs: number): string {
  const code = codeOf(error);
  if (code === 'ABORT_ERR' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return `no answer within ${timeoutMs} ms`;
  }
  if (code === 'ECONNREFUSED') return 'connection refused';
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined ? message : `${message} (${code})`;
}

function codeOf(error: unknown): string | undefined {
  for (let current: unknown = error; typeof current === 'object' && current !== null;) {
    const { code, name, cause } = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    if (name === 'TimeoutError' || name === 'AbortError') return 'ABORT_ERR';
    current = cause;
  }
  return undefined;
}
