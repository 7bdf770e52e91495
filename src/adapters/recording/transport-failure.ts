/** Why one HTTP attempt produced no usable body, and whether asking again could help. */
export interface TransportFailure {
  readonly kind: 'failed';
  readonly reason: string;
  readonly status?: number;
  readonly retryable: boolean;
}

/** A body over the configured size limit; the stream is abandoned rather than buffered. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`response body larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

/** Classifies a thrown transport error: timeouts and network errors are retried, TLS and size refusals not. */
export function describeTransportFailure(error: unknown, timeoutMs: number): TransportFailure {
  const name = error instanceof Error ? error.name : '';
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError' || TIMEOUT_CODES.has(code)) {
    return { kind: 'failed', reason: `timed out after ${timeoutMs} ms`, retryable: true };
  }
  if (TLS_CODES.has(code) || code.startsWith('CERT_') || code.startsWith('ERR_TLS_')) {
    return { kind: 'failed', reason: `TLS certificate rejected (${code}): ${message}`, retryable: false };
  }
  if (error instanceof BodyTooLarge) return { kind: 'failed', reason: message, retryable: false };
  return { kind: 'failed', reason: `network error: ${message}${code === '' ? '' : ` (${code})`}`, retryable: true };
}

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('code' in error)) return '';
  const { code } = error;
  return typeof code === 'string' ? code : '';
}
