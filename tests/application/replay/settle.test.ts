import { describe, expect, it } from 'vitest';
import { NO_OUTSIDE_WORK } from '../../../src/application/replay/replay.ports.js';
import { IN_PROCESS_QUIET_TURNS, settled } from '../../../src/application/replay/settle.js';

/** Work that only hops through promise continuations, as in-process adapters do, `hops` times. */
async function chainOfContinuations(hops: number, progress: { done: number }): Promise<void> {
  for (let hop = 0; hop < hops; hop += 1) {
    await Promise.resolve();
    progress.done += 1;
  }
}

describe('settled', () => {
  it('lets in-process work run every continuation it has before resolving, in one quiet turn', async () => {
    const progress = { done: 0 };
    const running = chainOfContinuations(5_000, progress);

    await settled({ finished: false }, NO_OUTSIDE_WORK, IN_PROCESS_QUIET_TURNS);

    expect(progress.done).toBe(5_000);
    await running;
  });

  it('waits until the given number of turns pass with no outside activity, however long the work is busy', async () => {
    let activity = 0;
    const work = { inFlight: () => 0, activity: () => activity, idle: () => Promise.resolve() };
    const running = (async () => {
      for (; activity < 6; activity += 1) await new Promise((resolve) => setImmediate(resolve));
    })();

    await settled({ finished: false }, work, 2);

    expect(activity).toBe(6);
    await running;
  });

  it('returns at once for a finished task', async () => {
    let turnsTaken = 0;
    const counting = (async () => {
      for (; turnsTaken < 10; turnsTaken += 1) await new Promise((resolve) => setImmediate(resolve));
    })();

    await settled({ finished: true }, NO_OUTSIDE_WORK, IN_PROCESS_QUIET_TURNS);

    expect(turnsTaken).toBe(0);
    await counting;
  });
});
