/** How the REST fallback polls while the WebSocket is unusable. */
export interface PollingSettings {
  /** Snapshot polls of the subscribed quotes; the gateway allows 10 snapshot requests a second. */
  readonly quotePollMs: number;
  /** Live orders and executions; the gateway allows one of each every 5 seconds. */
  readonly orderPollMs: number;
}

export const DEFAULT_POLLING_SETTINGS: PollingSettings = Object.freeze({ quotePollMs: 2_000, orderPollMs: 5_000 });
