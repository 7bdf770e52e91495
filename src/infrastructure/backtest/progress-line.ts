import type { BacktestProgress } from '../../application/backtest/engine/backtest-run.js';

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * A one-line progress display redrawn in place: days done, bars per second and the time left. Only a terminal
 * gets it; a pipe or a file gets nothing, so machine output stays clean.
 */
export class ProgressLine {
  private readonly startedAt: number;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(progress: BacktestProgress): void {
    if (!this.enabled) return;
    const seconds = Math.max(1e-3, (this.now() - this.startedAt) / 1000);
    const barsPerSecond = Math.round(progress.barsRead / seconds);
    const left = (seconds / progress.daysDone) * (progress.daysTotal - progress.daysDone);
    this.stream.write(
      `\r\x1b[2K${progress.date}  day ${progress.daysDone}/${progress.daysTotal}  ` +
        `${barsPerSecond.toLocaleString('en-AU')} bars/s  ETA ${formatDuration(left)}`,
    );
    this.drawn = true;
  }

  /** Clears the line so what follows starts on a clean one. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}
