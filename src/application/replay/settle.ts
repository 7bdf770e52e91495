import type { OutsideWork } from './replay.ports.js';

/**
 * Event-loop turns in a row in which nothing may happen before work that talks to the outside counts as
 * settled. One turn already runs every promise continuation and nextTick; the others leave room for stream
 * internals that hop through a further turn between a response's last byte and the code awaiting it.
 */
export const NETWORK_QUIET_TURNS = 3;

/**
 * Turns for work that only calls in-process adapters: it moves on through promise continuations alone, and
 * all of them have run by the time the event loop reaches its first check phase. More turns would only add
 * wait, once per step of the replayed clock.
 */
export const IN_PROCESS_QUIET_TURNS = 1;

/** What settling watches besides the outside work: whether the replayed task has finished. */
export interface TaskState {
  readonly finished: boolean;
}

/**
 * Resolves once the application can make no further progress without the clock moving: the task has
 * finished, or no request is in flight and `quietTurns` event-loop turns in a row passed with no request
 * sent or answered. Whatever is still waiting then waits on the clock. A fixed number of microtask ticks is
 * not enough: a woken step may spend many turns in real network I/O.
 */
export async function settled(
  task: TaskState,
  work: OutsideWork,
  quietTurns: number = NETWORK_QUIET_TURNS,
): Promise<void> {
  let quiet = 0;
  while (quiet < quietTurns && !task.finished) {
    if (work.inFlight() > 0) {
      await work.idle();
      quiet = 0;
      continue;
    }
    const before = work.activity();
    await nextTurn();
    quiet = work.activity() === before && work.inFlight() === 0 ? quiet + 1 : 0;
  }
}

/** Resolves in the check phase of the event loop, after all pending promise continuations and I/O callbacks. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
