import type { Notification, Notifier } from '../../../../src/domain/ports/notifier.port.js';

export class RecordingNotifier implements Notifier {
  readonly sent: Notification[] = [];

  notify(notification: Notification): Promise<void> {
    this.sent.push(notification);
    return Promise.resolve();
  }
}
