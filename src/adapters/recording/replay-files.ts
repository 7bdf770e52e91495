/**
 * The file each outside source is recorded to and replayed from, one raw body per source, so a recorded
 * folder can be replayed as it is.
 */
export const REPLAY_FILES = {
  tradingView: 'tradingview.json',
  asxAnnouncementsToday: 'asx-announcements.html',
  asxAnnouncementsPreviousDay: 'asx-announcements-previous.html',
  ibkrScanner: 'ibkr-scanner.json',
} as const;

export type ReplayFileName = (typeof REPLAY_FILES)[keyof typeof REPLAY_FILES];
