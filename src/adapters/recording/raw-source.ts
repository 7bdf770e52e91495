/**
 * Where the raw body of an outside source comes from: the network, a recording decorator or a replay folder.
 * Parsing happens elsewhere, so every source can be recorded and replayed the same way. `Q` is what a call
 * needs to know (the TradingView request body, for instance); sources that always fetch the same page use void.
 */
export interface RawSource<Q = void> {
  /** Short name used in logs and errors: "tradingview", "asx-announcements", "ibkr-scanner". */
  readonly name: string;
  fetchRaw(query: Q): Promise<string>;
}
