export type NotificationKind = 'entry' | 'exit' | 'stop' | 'error' | 'summary' | 'gateway' | 'info';

export interface Notification {
  readonly kind: NotificationKind;
  readonly title: string;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
}

/** Tells the user what Skim did. A failing notifier never stops trading: implementations swallow and log. */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}
