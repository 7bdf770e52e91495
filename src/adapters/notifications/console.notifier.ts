import type { Logger } from 'pino';
import type { Notification, NotificationKind, Notifier } from '../../domain/ports/notifier.port.js';

type LogLevel = 'info' | 'warn' | 'error';

const LEVELS: Readonly<Record<NotificationKind, LogLevel>> = {
  entry: 'info',
  exit: 'info',
  stop: 'warn',
  error: 'error',
  summary: 'info',
  gateway: 'warn',
  info: 'info',
};

/** Notifications as log lines: the notifier of backtests, demos and setups without Discord. */
export class ConsoleNotifier implements Notifier {
  constructor(private readonly logger: Logger) {}

  notify(notification: Notification): Promise<void> {
    const { kind, title, message, fields } = notification;
    try {
      this.logger[LEVELS[kind]](
        { notification: { kind, title, ...(fields === undefined ? {} : { fields }) } },
        `${title}: ${message}`,
      );
    } catch {
      // A notifier never stops trading; if even logging fails there is nowhere left to report it.
    }
    return Promise.resolve();
  }
}
