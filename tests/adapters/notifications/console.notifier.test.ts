import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConsoleNotifier } from '../../../src/adapters/notifications/console.notifier.js';
import { createLogger } from '../../../src/infrastructure/logging/create-logger.js';

function capturingLogger(): { logger: Logger; records: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    pretty: false,
    stream: { write: (line: string) => void lines.push(line) },
  });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('ConsoleNotifier', () => {
  it('logs the notification with its title, message, kind and fields', async () => {
    const { logger, records } = capturingLogger();
    await new ConsoleNotifier(logger).notify({
      kind: 'entry',
      title: 'Entered BHP',
      message: 'bought 100 at 45.20',
      fields: { stop: '44.10' },
    });
    expect(records()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'Entered BHP: bought 100 at 45.20',
        notification: { kind: 'entry', title: 'Entered BHP', fields: { stop: '44.10' } },
      }),
    ]);
  });

  it('uses the level the kind deserves', async () => {
    const { logger, records } = capturingLogger();
    const notifier = new ConsoleNotifier(logger);
    await notifier.notify({ kind: 'error', title: 'Order rejected', message: 'no funds' });
    await notifier.notify({ kind: 'gateway', title: 'Gateway down', message: 'approve the login' });
    await notifier.notify({ kind: 'summary', title: 'Day', message: 'no trades' });
    expect(records().map((r) => r['level'])).toEqual([50, 40, 30]);
  });

  it('never fails, even when logging does', async () => {
    const broken = {
      info: () => {
        throw new Error('disk full');
      },
    } as unknown as Logger;
    await expect(
      new ConsoleNotifier(broken).notify({ kind: 'info', title: 't', message: 'm' }),
    ).resolves.toBeUndefined();
  });
});
