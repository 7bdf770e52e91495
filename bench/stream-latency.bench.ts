/**
 * Quote-to-decision latency, in process: a WebSocket market-data frame is parsed and validated, merged
 * into the instrument's quote, its trade print fed to the breakout rule, and on an entry signal the
 * gateway order request is built. Prints one JSON line with p50/p99 in microseconds.
 *
 *   npx tsx bench/stream-latency.bench.ts [messages]
 */
import { orderRequestBody } from '../src/adapters/clientportal/order-request.js';
import { parseStreamFrame } from '../src/adapters/clientportal/streaming/stream-frame.parser.js';
import { StreamedQuotes } from '../src/adapters/clientportal/streaming/streamed-quotes.js';
import { deriveClientOrderId } from '../src/domain/orders/client-order-id.js';
import type { OrderIntent } from '../src/domain/orders/order-intent.js';
import { decideBreakout } from '../src/domain/strategy/breakout.js';
import { openingRangeFromTrades } from '../src/domain/strategy/opening-range.js';
import { DEFAULT_STRATEGY } from '../src/domain/strategy/strategy-config.js';
import { instrument } from '../src/domain/values/instrument.js';
import { formatPrice, parsePrice, price } from '../src/domain/values/price.js';
import { localDate } from '../src/domain/values/time.js';
import { quantity } from '../src/domain/values/quantity.js';

const MESSAGES = Number(process.argv[2] ?? 200_000);
const WARM_UP = 10_000;
const OPEN = Date.UTC(2025, 0, 13, 23, 0);
const RANGE_END = OPEN + 5 * 60_000;
const BHP = instrument('BHP', 8644);
const config = { ...DEFAULT_STRATEGY, entryOrder: 'market' as const };
const range = openingRangeFromTrades(
  [
    { price: parsePrice('45.00'), at: OPEN },
    { price: parsePrice('45.50'), at: OPEN + 60_000 },
    { price: parsePrice('44.80'), at: OPEN + 120_000 },
  ],
  { sessionOpen: OPEN, orMinutes: 5, asOf: RANGE_END },
);

/** Frames as the gateway sends them: last prices wandering around the range high, one every 10 ms. */
function frames(count: number): string[] {
  const texts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const last = price(45_300 + 10 * (index % 41));
    const at = RANGE_END + index * 10;
    texts.push(`{"topic":"smd+8644","conid":8644,"31":"${formatPrice(last)}","7059":"100","_updated":${at}}`);
  }
  return texts;
}

function decide(text: string, quotes: StreamedQuotes): unknown {
  const frame = parseStreamFrame(text);
  if (frame.kind !== 'market-data') throw new Error(`unexpected frame ${frame.kind}`);
  const { quote, trade } = quotes.apply(BHP, frame.message, receivedAt(frame.message._updated));
  const decision = decideBreakout({ range, lastTrade: trade, asOf: quote.at, config });
  if (decision.signal !== 'enter') return decision;
  const intent: OrderIntent = {
    clientOrderId: deriveClientOrderId(localDate('2025-01-14'), BHP.symbol, 'entry'),
    instrument: BHP,
    side: 'BUY',
    type: 'MKT',
    quantity: quantity(100),
    tif: 'DAY',
    purpose: 'entry',
  };
  return orderRequestBody('DU1234567', intent);
}

const receivedAt = (updated: number | undefined): number => updated ?? RANGE_END;

function percentile(sorted: Float64Array, p: number): number {
  const index = Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length));
  return sorted[index] ?? Number.NaN;
}

function main(): void {
  const texts = frames(MESSAGES + WARM_UP);
  const quotes = new StreamedQuotes();
  let entries = 0;
  for (let index = 0; index < WARM_UP; index += 1) decide(texts[index] ?? '', quotes);
  const latencies = new Float64Array(MESSAGES);
  for (let index = 0; index < MESSAGES; index += 1) {
    const text = texts[WARM_UP + index] ?? '';
    const started = process.hrtime.bigint();
    const outcome = decide(text, quotes);
    latencies[index] = Number(process.hrtime.bigint() - started) / 1_000;
    if (typeof outcome === 'object' && outcome !== null && 'orders' in outcome) entries += 1;
  }
  latencies.sort();
  const round = (value: number): number => Math.round(value * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'stream-latency',
      messages: MESSAGES,
      entrySignals: entries,
      p50Us: round(percentile(latencies, 50)),
      p99Us: round(percentile(latencies, 99)),
      maxUs: round(latencies[latencies.length - 1] ?? Number.NaN),
    })}\n`,
  );
}

main();
