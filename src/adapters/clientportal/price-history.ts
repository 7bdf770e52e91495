import type { Bar, BarSize } from '../../domain/market/bar.js';
import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { BarRequest } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { GatewayClient } from './gateway-client.js';
import { toBar } from './mappers/bar.mapper.js';
import { Located } from './parse.js';
import { historySchema } from './schemas/market-data.schema.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The gateway's largest period in days; longer spans are asked for in years (at most 15). */
const MAX_PERIOD_DAYS = 1_000;
const MAX_PERIOD_YEARS = 15;

/**
 * The `period` that reaches back from now to `from`. The history endpoint always ends at the present,
 * so the span is measured from `from` to now, not to the request's `to`.
 */
export function historyPeriod(from: EpochMs, now: EpochMs): string {
  const days = Math.max(1, Math.ceil((now - from) / DAY_MS));
  if (days <= MAX_PERIOD_DAYS) return `${days}d`;
  return `${Math.min(MAX_PERIOD_YEARS, Math.ceil(days / 365))}y`;
}

/** Completed bars from `/iserver/marketdata/history`, cut to the requested [from, to). */
export class PriceHistory {
  constructor(
    private readonly client: GatewayClient,
    private readonly clock: Clock,
  ) {}

  async bars(instrument: Instrument, request: BarRequest): Promise<Bar[]> {
    const now = this.clock.now();
    const query = `conid=${instrument.conid}&period=${historyPeriod(request.from, now)}&bar=${request.size}&outsideRth=false`;
    const path = `/iserver/marketdata/history?${query}`;
    const answer = await this.client.get(path, historySchema);
    const where = Located.root('GET /iserver/marketdata/history').at('data');
    const volumeFactor = answer.volumeFactor ?? 1;
    return answer.data
      .map((raw, index) => toBar(raw, volumeFactor, where.at(index)))
      .filter((bar) => bar.start >= request.from && bar.start < request.to && isComplete(request.size, bar.start, now))
      .sort((a, b) => a.start - b.start);
  }
}

/** A minute bar is complete a minute after it starts; today's daily bar only once the day is over. */
function isComplete(size: BarSize, start: EpochMs, now: EpochMs): boolean {
  if (size === '1min') return start + MINUTE_MS <= now;
  return sydneyDateOf(start) < sydneyDateOf(now);
}
