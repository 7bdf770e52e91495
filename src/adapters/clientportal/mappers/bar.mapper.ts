import type { Bar } from '../../../domain/market/bar.js';
import type { Located } from '../parse.js';
import type { HistoryBar } from '../schemas/market-data.schema.js';
import { millsOf, priceOf } from './gateway-numbers.js';

/** One history bar; `volumeFactor` scales `v` to shares where the gateway reports it in lots. */
export function toBar(raw: HistoryBar, volumeFactor: number, where: Located): Bar {
  return {
    start: raw.t,
    open: where.at('o').convert(() => priceOf(raw.o)),
    high: where.at('h').convert(() => priceOf(raw.h)),
    low: where.at('l').convert(() => priceOf(raw.l)),
    close: where.at('c').convert(() => priceOf(raw.c)),
    volume: where.at('v').convert(() => Math.round((millsOf('volume', raw.v, true) * volumeFactor) / 1000)),
  };
}
