import { describe, expect, it } from 'vitest';
import { InterruptibleClock, ShutdownRequested } from '../../../src/adapters/clock/interruptible.clock.js';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import { SystemClock } from '../../../src/adapters/clock/system.clock.js';

describe('InterruptibleClock', () => {
  it('ends every sleep at once on shutdown and refuses new ones', async () => {
    const inner = new ManualClock(1_000);
    const clock = new InterruptibleClock(inner);
    const sleeping = clock.sleepUntil(5_000);
    clock.requestShutdown();
    await expect(sleeping).rejects.toBeInstanceOf(ShutdownRequested);
    await expect(clock.sleepUntil(9_000)).rejects.toBeInstanceOf(ShutdownRequested);
    expect(inner.nextWakeUp()).toBeUndefined();
    expect(clock.isStopping).toBe(true);
  });

  it('lets sleeps end normally until then', async () => {
    const inner = new ManualClock(1_000);
    const clock = new InterruptibleClock(inner);
    const sleeping = clock.sleepUntil(2_000);
    inner.set(2_000);
    await expect(sleeping).resolves.toBeUndefined();
  });

  it('cancels the system timer so nothing keeps the process alive', async () => {
    const clock = new InterruptibleClock(new SystemClock());
    const sleeping = clock.sleepUntil(Date.now() + 3_600_000);
    const before = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    clock.requestShutdown();
    await expect(sleeping).rejects.toBeInstanceOf(ShutdownRequested);
    const after = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    expect(after).toBe(before - 1);
  });
});
