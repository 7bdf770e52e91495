import type { CampaignReport } from './chaos-campaign.js';

/** A write of one line, stderr by default so that stdout keeps only the campaign's summary. */
export type LineSink = (line: string) => void;

const STEPS = 10;

/**
 * Tells how a long campaign is getting on, as batches arrive from its workers: a line each time another
 * tenth of the runs asked for is done, with the days, violations so far and time taken.
 */
export class CampaignProgress {
  private runs = 0;
  private days = 0;
  private violations = 0;
  private stepsTold = 0;
  private readonly startedAt: number;

  constructor(
    private readonly runsAskedFor: number,
    private readonly write: LineSink = (line) => process.stderr.write(`${line}\n`),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  add(batch: CampaignReport): void {
    this.runs += batch.runs;
    this.days += batch.days;
    this.violations += batch.failure?.result.violations.length ?? 0;
    const steps = Math.min(STEPS, Math.floor((this.runs * STEPS) / Math.max(1, this.runsAskedFor)));
    if (steps <= this.stepsTold && batch.failure === undefined) return;
    this.stepsTold = Math.max(this.stepsTold, steps);
    this.write(
      `chaos: ${this.runs} of ${this.runsAskedFor} runs, ${this.days} days, ${this.violations} violations so far ` +
        `(${elapsed(this.now() - this.startedAt)})`,
    );
  }
}

function elapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
