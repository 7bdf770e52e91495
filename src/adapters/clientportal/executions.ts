import type { Logger } from 'pino';
import type { Fill } from '../../domain/orders/fill.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { GatewayClient } from './gateway-client.js';
import { toFill } from './mappers/fill.mapper.js';
import { Located } from './parse.js';
import { tradesSchema, type Trade } from './schemas/orders.schema.js';

const DAY_MS = 86_400_000;
/** `/iserver/account/trades` reaches back at most this many days (today included). */
export const MAX_TRADE_DAYS = 7;

/**
 * The `days` parameter that covers everything since `since`. The gateway counts calendar days in a time
 * zone it does not state, so one day more is asked for; what is too old is filtered out afterwards.
 */
export function tradeDaysSince(since: EpochMs, now: EpochMs): number {
  return Math.min(MAX_TRADE_DAYS, Math.max(0, Math.ceil((now - since) / DAY_MS)) + 1);
}

/** The account's executions: the truth for positions and P&L. */
export class Executions {
  constructor(
    private readonly client: GatewayClient,
    private readonly accountId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Raw executions of this account over the last `days` days. */
  async trades(days: number): Promise<Trade[]> {
    const trades = await this.client.get(`/iserver/account/trades?days=${days}`, tradesSchema);
    return trades.filter((trade) => trade.account === undefined || trade.account === this.accountId);
  }

  /** Fills at or after `since`, oldest first. */
  async fillsSince(since: EpochMs): Promise<Fill[]> {
    const now = this.clock.now();
    if (now - since > MAX_TRADE_DAYS * DAY_MS) {
      this.logger.warn({ since }, `the gateway reports only the last ${MAX_TRADE_DAYS} days of executions`);
    }
    const where = Located.root('GET /iserver/account/trades');
    const trades = await this.trades(tradeDaysSince(since, now));
    return trades
      .map((trade, index) => toFill(trade, where.at(index)))
      .filter((fill) => fill.at >= since)
      .sort((a, b) => a.at - b.at);
  }
}
