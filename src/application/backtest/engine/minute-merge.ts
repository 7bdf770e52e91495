import type { TapeBar, TapeMinute } from '../../replay/replay.ports.js';
import type { Bar } from '../../../domain/market/bar.js';
import type { Instrument } from '../../../domain/values/instrument.js';

/** One instrument's minute bars of a day, oldest first. */
export interface MinuteFeed {
  readonly instrument: Instrument;
  readonly bars: Iterator<Bar>;
}

/**
 * Several instruments' minute bars merged into the tape's shape: one TapeMinute per minute that has any bar,
 * in time order, instruments in the order given. `onBar` is told of every bar taken from a feed.
 */
export function* mergeMinutes(feeds: readonly MinuteFeed[], onBar: () => void = noop): Generator<TapeMinute> {
  const heads = feeds.map((feed) => ({ feed, next: feed.bars.next() }));
  for (;;) {
    let start = Number.POSITIVE_INFINITY;
    for (const head of heads)
      if (head.next.done !== true && head.next.value.start < start) start = head.next.value.start;
    if (start === Number.POSITIVE_INFINITY) return;
    const bars: TapeBar[] = [];
    for (const head of heads) {
      if (head.next.done === true || head.next.value.start !== start) continue;
      bars.push({ instrument: head.feed.instrument, bar: head.next.value });
      onBar();
      head.next = head.feed.bars.next();
    }
    yield { start, bars };
  }
}

function noop(): void {
  // nothing to count
}
