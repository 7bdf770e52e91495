/** The text commands the gateway's WebSocket understands. */

export const subscribeMarketData = (conid: number, fields: readonly string[]): string =>
  `smd+${conid}+${JSON.stringify({ fields })}`;

export const unsubscribeMarketData = (conid: number): string => `umd+${conid}+{}`;

export const subscribeOrders = (): string => 'sor+{}';

export const subscribeTrades = (): string => 'str+{}';

export const KEEP_ALIVE = 'tic';

export const authenticate = (session: string): string => JSON.stringify({ session });
