import { selfSignedCertificate } from '../../adapters/gateway-sim/http/certificate.js';
import { batchSeed } from './batch-seed.js';
import { runCampaign, type CampaignReport, type CampaignSettings } from './chaos-campaign.js';

/** What a campaign worker is asked to do: batches of runs until it has made `runs` runs over `days` days, or one fails. */
export interface WorkerOrder {
  readonly days: number;
  readonly runs: number;
  readonly batchRuns: number;
  /** The campaign's seed and this worker's number, from which each batch's fast-check seed is derived. */
  readonly campaignSeed: number;
  readonly worker: number;
  readonly shape: CampaignSettings['shape'];
}

export interface WorkerReport {
  readonly batches: readonly CampaignReport[];
}

/** What a worker process tells the campaign: each batch as it ends, then everything. */
export type WorkerMessage =
  { readonly type: 'batch'; readonly batch: CampaignReport } | { readonly type: 'done'; readonly report: WorkerReport };

/** Runs batches of campaign runs in this process, each batch with its own fast-check seed. */
export async function runWorker(
  order: WorkerOrder,
  onBatch: (batch: CampaignReport) => void = () => undefined,
): Promise<WorkerReport> {
  const tls = await selfSignedCertificate();
  const batches: CampaignReport[] = [];
  let days = 0;
  let runs = 0;
  for (let batch = 0; days < order.days || runs < order.runs; batch += 1) {
    const report = await runCampaign(
      { runs: order.batchRuns, seed: batchSeed(order.campaignSeed, order.worker, batch), shape: order.shape },
      { tls },
    );
    batches.push(report);
    onBatch(report);
    days += report.days;
    runs += report.runs;
    if (report.failure !== undefined) break;
  }
  return { batches };
}
