import { SNAPSHOT_FIELDS } from '../mappers/quote.mapper.js';

/** How the Client Portal WebSocket is kept alive, watched and reconnected. */
export interface StreamSettings {
  /** `tic` is sent this often; the gateway drops a socket that stays quiet for a few minutes. */
  readonly keepAliveMs: number;
  /**
   * The socket counts as dead when nothing (not even a heartbeat) arrived for this long. The gateway sends
   * `{"topic":"system","hb":…}` every few seconds, so this should span several heartbeats.
   */
  readonly stallTimeoutMs: number;
  /** First pause before reconnecting; it doubles per failed attempt up to `reconnectMaxMs`. */
  readonly reconnectBaseMs: number;
  readonly reconnectMaxMs: number;
  /** Time allowed for the TLS and WebSocket handshake. */
  readonly handshakeTimeoutMs: number;
  /** Fields asked for with `smd`; the same ids as a REST snapshot so both map alike. */
  readonly fields: readonly string[];
}

/** Fields streamed: the snapshot's, plus 7059 (last size) so a last-price change can be read as a print. */
export const STREAM_FIELDS: readonly string[] = [...SNAPSHOT_FIELDS.filter((field) => field !== '55'), '7059'];

export const DEFAULT_STREAM_SETTINGS: StreamSettings = Object.freeze({
  keepAliveMs: 60_000,
  stallTimeoutMs: 35_000,
  reconnectBaseMs: 1_000,
  reconnectMaxMs: 30_000,
  handshakeTimeoutMs: 10_000,
  fields: STREAM_FIELDS,
});

/** The pause before reconnect attempt `attempt` (1-based): exponential, capped, with up to 20 % jitter. */
export function reconnectDelay(settings: StreamSettings, attempt: number, random: () => number): number {
  const exponential = settings.reconnectBaseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(settings.reconnectMaxMs, exponential);
  return Math.round(capped * (0.8 + 0.2 * random()));
}
