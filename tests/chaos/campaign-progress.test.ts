import { describe, expect, it } from 'vitest';
import { CampaignProgress } from '../../src/infrastructure/chaos/campaign-progress.js';
import type { CampaignReport } from '../../src/infrastructure/chaos/chaos-campaign.js';

function batch(runs: number, days: number): CampaignReport {
  return { runs, days, faults: 0, orders: 0, fills: 0, restarts: 0, dayErrors: [] };
}

describe('CampaignProgress', () => {
  it('tells a line each time another tenth of the runs is done, with days and time taken', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new CampaignProgress(
      200,
      (line) => lines.push(line),
      () => now,
    );

    now = 15_000;
    progress.add(batch(15, 30));
    expect(lines).toEqual([]);
    now = 61_000;
    progress.add(batch(25, 50));
    progress.add(batch(25, 48));

    expect(lines).toEqual([
      'chaos: 40 of 200 runs, 80 days, 0 violations so far (1m01s)',
      'chaos: 65 of 200 runs, 128 days, 0 violations so far (1m01s)',
    ]);
  });

  it('tells a batch that broke an invariant at once', () => {
    const lines: string[] = [];
    const progress = new CampaignProgress(
      1000,
      (line) => lines.push(line),
      () => 0,
    );
    const failed = {
      ...batch(3, 6),
      failure: { seed: 1, path: '2', result: { violations: [{ invariant: 'x', message: 'y' }] } },
    } as unknown as CampaignReport;

    progress.add(failed);

    expect(lines).toEqual(['chaos: 3 of 1000 runs, 6 days, 1 violations so far (0m00s)']);
  });
});
