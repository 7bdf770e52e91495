import type { OutsideWork } from './replay.ports.js';

/**
 * Event-loop turns in a row in which nothing may happen before the work counts as settled. One turn already
 * runs every promise continuation and nextTick; the others leave room for stream internals that hop
 * through a further turn between a response's last byte and the code awaiting it.
 */
const QUIET_TURNS = 3;

/** What settling watches besides the outside work: whether the replayed task has finished. */
export interface TaskState {
  readonly finished: boolean;
}

/**
 * Resolves once the application can make no further progress without the clock moving: the task has
 * finished, or no request is in flight and several event-loop turns in a row passed with no request sent
 * or answered. Whatever is still waiting then waits on the clock. A fixed number of microtask ticks is not
 * enough: a woken step may spend many turns in real network I/O.
 */
export async function settled(task: TaskState, work: OutsideWork): Promise<void> {
  let quietTurns = 0;
  while (quietTurns < QUIET_TURNS && !task.finished) {
    if (work.inFlight() > 0) {
      await work.idle();
      quietTurns = 0;
      continue;
    }
    const before = work.activity();
    await nextTurn();
    quietTurns = work.activity() === before && work.inFlight() === 0 ? quietTurns + 1 : 0;
  }
}

/** Resolves in the check phase of the event loop, after all pending promise continuations and I/O callbacks. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
