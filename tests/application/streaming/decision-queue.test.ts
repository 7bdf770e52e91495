import { describe, expect, it } from 'vitest';
import { DecisionQueue, type DecisionKind } from '../../../src/application/streaming/decision-queue.js';
import { CapturingLogger } from '../scan/capturing-logger.js';

/** Steps that record their order, never overlap silently, and finish only when the test lets them. */
function recordingSteps() {
  const ran: string[] = [];
  const gates: (() => void)[] = [];
  let active = 0;
  let maxActive = 0;
  const step = (name: string) => ({
    run: async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      ran.push(name);
      await new Promise<void>((open) => gates.push(open));
      active -= 1;
    },
  });
  const releaseAll = async () => {
    for (let i = 0; i < 20; i++) {
      gates.splice(0).forEach((open) => {
        open();
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  return {
    ran,
    releaseAll,
    maxActive: () => maxActive,
    steps: { track: step('track'), entries: step('entries'), manage: step('manage') },
  };
}

describe('DecisionQueue', () => {
  it('runs one pass, in the fixed order, for everything asked before it starts', async () => {
    const { ran, releaseAll, steps } = recordingSteps();
    const queue = new DecisionQueue(steps, new CapturingLogger());

    const asks: DecisionKind[][] = [['manage'], ['entries'], ['track', 'entries'], ['entries']];
    for (const kinds of asks) queue.request(kinds);
    await releaseAll();
    await queue.idle();

    expect(ran).toEqual(['track', 'entries', 'manage']);
  });

  it('never runs a timer step alongside an event decision, and merges asks made during a pass', async () => {
    const { ran, releaseAll, maxActive, steps } = recordingSteps();
    const queue = new DecisionQueue(steps, new CapturingLogger());

    queue.request(['entries']);
    const timer = queue.exclusive(() => steps.manage.run());
    queue.request(['entries']);
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (let i = 0; i < 5; i++) queue.request(['entries']);
    await releaseAll();
    await timer;
    await queue.idle();

    expect(maxActive()).toBe(1);
    expect(ran).toEqual(['entries', 'manage', 'entries']);
  });

  it('logs a failing decision and goes on with the rest of the pass', async () => {
    const ran: string[] = [];
    const log = new CapturingLogger();
    const queue = new DecisionQueue(
      {
        track: { run: () => Promise.reject(new Error('bars request timed out')) },
        entries: { run: () => Promise.resolve(ran.push('entries')) },
        manage: { run: () => Promise.resolve(ran.push('manage')) },
      },
      log,
    );

    queue.request(['track', 'entries', 'manage']);
    await queue.idle();

    expect(ran).toEqual(['entries', 'manage']);
    expect(log.lines.filter((line) => line.message.includes('track decision on a market event failed'))).toHaveLength(
      1,
    );
  });
});
